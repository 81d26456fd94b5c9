"""The ward's MedCom messages: inbox and outbox with their state (issue 16)."""
