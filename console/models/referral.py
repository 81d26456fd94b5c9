"""A referral to the eHospital waiting for the e-doctor's visitation (R-ELIGIBLE, issue 19).

The referral document is kept as it was received (the JSON of ``eward schema referral``); the
e-doctor's eligibility judgement, the talks with the referrer and the municipality and the
decision sit beside it. A referral is admitted (it then names its admission) or declined (with a
reason), never both: the CHECK constraints hold that on both backends.
"""

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, Versioned, str_enum
from console.vocabulary import ReferralSource, ReferralStatus


class Referral(Versioned, Base):
    __tablename__ = "referral"
    __table_args__ = (
        CheckConstraint("status <> 'declined' OR decline_reason IS NOT NULL",
                        name="declined_has_reason"),
        CheckConstraint("(status = 'admitted' AND admission_id IS NOT NULL) OR "
                        "(status <> 'admitted' AND admission_id IS NULL)",
                        name="admitted_has_admission"),
        CheckConstraint("(status = 'referred' AND decided_at IS NULL) OR "
                        "(status <> 'referred' AND decided_at IS NOT NULL)",
                        name="decided_has_time"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[ReferralSource] = mapped_column(str_enum(ReferralSource, "referral_source"))
    referrer: Mapped[str | None] = mapped_column(String(200))  # department, GP practice, team
    received_at: Mapped[datetime]
    document: Mapped[str] = mapped_column(Text)  # the referral document as received (JSON)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id"), index=True)
    status: Mapped[ReferralStatus] = mapped_column(
        str_enum(ReferralStatus, "referral_status"), index=True, default=ReferralStatus.REFERRED)
    # R-ELIGIBLE: the e-doctor's judgement, item by item (None: not judged yet).
    clinically_stable: Mapped[bool | None] = mapped_column(Boolean)
    medically_suitable: Mapped[bool | None] = mapped_column(Boolean)
    able_to_cooperate: Mapped[bool | None] = mapped_column(Boolean)
    home_suitable: Mapped[bool | None] = mapped_column(Boolean)
    video_possible: Mapped[bool | None] = mapped_column(Boolean)
    # R-ELIGIBLE: the talk with the referrer and with the municipality.
    referrer_call: Mapped[str | None] = mapped_column(Text)
    municipality_call: Mapped[str | None] = mapped_column(Text)
    decline_reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(16))
    decided_at: Mapped[datetime | None]
    admission_id: Mapped[int | None] = mapped_column(ForeignKey("admission.id"), index=True)
