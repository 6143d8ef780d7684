"""Moving data in and out: backup and restore, CSV, calendar files."""
