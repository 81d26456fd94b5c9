"""An admission (course) to the eHospital, its IV regimen lines and lab results."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.base import Base, Versioned, partial_index, str_enum
from console.models.patient import Patient
from console.models.reference import Staff, TariffType
from console.vocabulary import (
    AdministrationSystem,
    AdmissionStatus,
    Condition,
    DischargeOutcome,
    IvAccess,
    PlaceOfTreatment,
    Provider,
    RegimenKind,
)


class Admission(Versioned, Base):
    __tablename__ = "admission"
    __table_args__ = (
        # One active (not discharged) admission per patient, race-free on both backends.
        partial_index("uq_admission_active_patient", "patient_id", unique=True,
                      where="status <> 'discharged'"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    status: Mapped[AdmissionStatus] = mapped_column(
        str_enum(AdmissionStatus, "admission_status"), index=True
    )
    referred_by: Mapped[str | None] = mapped_column(String(200))
    admitted_at: Mapped[datetime | None]
    responsible_doctor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    condition: Mapped[Condition] = mapped_column(str_enum(Condition, "condition"))
    condition_text: Mapped[str | None] = mapped_column(Text)
    # R-CONSENT: who informed the patient, when, and whether written information was given.
    consent_informed_by: Mapped[str | None] = mapped_column(String(16))
    consent_at: Mapped[datetime | None]
    consent_written: Mapped[bool] = mapped_column(Boolean, default=False)
    # R-PARENTS: for a patient of 15-17 the parents are informed (who, when).
    parents_informed_by: Mapped[str | None] = mapped_column(String(128))
    parents_informed_at: Mapped[datetime | None]
    provider: Mapped[Provider] = mapped_column(str_enum(Provider, "provider"))
    # R-REGISTER: home, a municipal acute bed or near a nursing clinic.
    place_of_treatment: Mapped[PlaceOfTreatment] = mapped_column(
        str_enum(PlaceOfTreatment, "place_of_treatment"), default=PlaceOfTreatment.HOME,
        server_default=PlaceOfTreatment.HOME.value)
    planned_end: Mapped[date | None] = mapped_column(Date)
    tariff_type_id: Mapped[int | None] = mapped_column(ForeignKey("tariff_type.id"))
    tariff_override_reason: Mapped[str | None] = mapped_column(Text)
    meeting_link: Mapped[str | None] = mapped_column(String(500))
    # R-CRP3: CRP on day 3 unless a doctor records another day with a reason.
    crp_day: Mapped[int] = mapped_column(Integer, default=3)
    crp_day_reason: Mapped[str | None] = mapped_column(Text)
    medication_list_updated: Mapped[bool] = mapped_column(Boolean, default=False)
    discharged_at: Mapped[datetime | None]
    discharge_outcome: Mapped[DischargeOutcome | None] = mapped_column(
        str_enum(DischargeOutcome, "discharge_outcome")
    )
    epikrise_sent_at: Mapped[datetime | None]
    municipality_informed_at: Mapped[datetime | None]

    patient: Mapped[Patient] = relationship()
    responsible_doctor: Mapped[Staff | None] = relationship()
    tariff_type: Mapped[TariffType | None] = relationship()
    regimens: Mapped[list["Regimen"]] = relationship(
        back_populates="admission", order_by="Regimen.id", cascade="all, delete-orphan"
    )


class Regimen(Versioned, Base):
    """One regimen line: an antibiotic or fluid given 1-4 times a day over a date range."""

    __tablename__ = "regimen"

    id: Mapped[int] = mapped_column(primary_key=True)
    admission_id: Mapped[int] = mapped_column(
        ForeignKey("admission.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RegimenKind] = mapped_column(str_enum(RegimenKind, "regimen_kind"))
    drug: Mapped[str] = mapped_column(String(128))
    dose: Mapped[str] = mapped_column(String(64))
    doses_per_day: Mapped[int] = mapped_column(Integer)
    dose_times: Mapped[str] = mapped_column(String(64))  # "08:00,15:00,22:00" local time
    system: Mapped[AdministrationSystem] = mapped_column(
        str_enum(AdministrationSystem, "administration_system")
    )
    iv_access: Mapped[IvAccess] = mapped_column(str_enum(IvAccess, "iv_access"))
    iv_access_remove_by: Mapped[date | None] = mapped_column(Date)
    first_dose_given_in_hospital: Mapped[bool] = mapped_column(Boolean, default=False)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)  # last day with doses (inclusive)
    # Doses the transferring ward sent with the patient (R-SUPPLY, about 7 days' worth).
    doses_sent: Mapped[int] = mapped_column(Integer, default=0)

    admission: Mapped[Admission] = relationship(back_populates="regimens")

    @property
    def dose_time_list(self) -> list[str]:
        return [t for t in self.dose_times.split(",") if t]


class LabResult(Base):
    __tablename__ = "lab_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    admission_id: Mapped[int] = mapped_column(
        ForeignKey("admission.id", ondelete="CASCADE"), index=True
    )
    analysis: Mapped[str] = mapped_column(String(32), default="crp")
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16), default="mg/L")
    taken_at: Mapped[datetime]
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"))
    recorded_by: Mapped[str | None] = mapped_column(String(16))
    # Issue 19: a culture or urine stix is read, not measured (its words; value 0 normal, 1 not)
    reading: Mapped[str | None] = mapped_column(String(120))
    place: Mapped[str | None] = mapped_column(String(16))  # poct (bedside) | laboratory
