"""Types shared by every domain: connections, errors, labels, enums."""
