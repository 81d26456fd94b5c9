"""The referral queue screen (issue 19, R-ELIGIBLE)."""
