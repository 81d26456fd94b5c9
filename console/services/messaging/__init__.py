"""messaging: MedCom messages of a course and what it agreed with municipality and GP (issue 16)."""
