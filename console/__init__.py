"""eWard Console: coordination console for Region Sjælland's eHospital virtual ward."""

__version__ = "0.1.0"
