"""Institution certifications (high-tech, tech SME, provincial leader enterprise): recorded by admins."""
