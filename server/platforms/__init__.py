"""Innovation R&D platforms (创新研发平台)."""
