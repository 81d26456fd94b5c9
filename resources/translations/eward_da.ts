<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
  <context>
    <name>AcceptDialog</name>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="56" />
      <source>Accepted by</source>
      <translation>Accepteret af</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="53" />
      <source>Accepted by phone</source>
      <translation>Accepteret telefonisk</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="54" />
      <source>Name and unit, e.g. Birgit Berg, hjemmesygeplejen Sorø</source>
      <translation>Navn og enhed, fx Birgit Berg, hjemmesygeplejen Sorø</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="51" />
      <source>Reason</source>
      <translation>Begrundelse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="59" />
      <source>Record acceptance</source>
      <translation>Registrér accept</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="58" />
      <source>Record refusal</source>
      <translation>Registrér afvisning</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="49" />
      <source>The municipality refuses the course</source>
      <translation>Kommunen afviser forløbet</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="50" />
      <source>Why, as the municipality said it</source>
      <translation>Hvorfor, med kommunens ord</translation>
    </message>
  </context>
  <context>
    <name>AccessLogDialog</name>
    <message>
      <location filename="../../console/views/admin/audit.py" line="162" />
      <source>Access log — {patient}</source>
      <translation>Adgangslog — {patient}</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="164" />
      <source>Every opening, print and export of this patient's records (sundhedsloven § 42 a).</source>
      <translation>Hver åbning, udskrift og eksport af denne patients journal (sundhedsloven § 42 a).</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="169" />
      <source>Export CSV (MinLog)…</source>
      <translation>Eksportér CSV (MinLog)…</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="185" />
      <source>Export the access log</source>
      <translation>Eksportér adgangsloggen</translation>
    </message>
  </context>
  <context>
    <name>AccessReview</name>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="36" />
      <source>(opened again inside the time box of an earlier purpose)</source>
      <translation>(åbnet igen inden for tidsrummet for et tidligere formål)</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="48" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="49" />
      <source>Purpose given</source>
      <translation>Angivet formål</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="50" />
      <source>Review</source>
      <translation>Gennemgang</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="47" />
      <source>Roles</source>
      <translation>Roller</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="44" />
      <source>When</source>
      <translation>Hvornår</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="46" />
      <source>Who</source>
      <translation>Hvem</translation>
    </message>
  </context>
  <context>
    <name>AccessReviewDialog</name>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="112" />
      <source>Delete access-log entries older than the retention period (never under three years)? The purge itself is recorded in the audit trail.</source>
      <translation>Slet adgangslogposter, der er ældre end opbevaringsperioden (aldrig under tre år)? Selve sletningen registreres i revisionssporet.</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="63" />
      <source>Flagged accesses</source>
      <translation>Markerede opslag</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="74" />
      <source>Justified</source>
      <translation>Begrundet</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="112" />
      <source>Purge the access log</source>
      <translation>Slet gamle poster i adgangsloggen</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="76" />
      <source>Purge the access log…</source>
      <translation>Slet gamle poster i adgangsloggen…</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="99" />
      <source>Questioned access</source>
      <translation>Opslag der sættes spørgsmålstegn ved</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="75" />
      <source>Questioned…</source>
      <translation>Tvivlsomt…</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="69" />
      <source>Records opened without a current role for the patient, with the purpose the person gave (break-the-glass). Review each; a questioned access needs a note.</source>
      <translation>Journaler åbnet uden aktuel relation til patienten, med det formål personen angav (nødadgang). Gennemgå hvert opslag; et tvivlsomt opslag kræver en note.</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="72" />
      <source>Show reviewed</source>
      <translation>Vis gennemgåede</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/access_review.py" line="99" />
      <source>What is questioned?</source>
      <translation>Hvad sættes der spørgsmålstegn ved?</translation>
    </message>
  </context>
  <context>
    <name>ActionBanners</name>
    <message>
      <location filename="../../console/views/common/banners.py" line="59" />
      <source>{head} — {detail}</source>
      <translation>{head} — {detail}</translation>
    </message>
  </context>
  <context>
    <name>AddCrpDialog</name>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="88" />
      <source>Add CRP</source>
      <translation>Tilføj CRP</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="95" />
      <source>CRP</source>
      <translation>CRP</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="96" />
      <source>Sample taken</source>
      <translation>Prøve taget</translation>
    </message>
  </context>
  <context>
    <name>AdmissionDialog</name>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="136" />
      <source>&lt;b&gt;Regimen&lt;/b&gt;</source>
      <translation>&lt;b&gt;Ordination&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="102" />
      <source>Admit</source>
      <translation>Indlæg</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="84" />
      <source>Admit a patient</source>
      <translation>Indlæg en patient</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="75" />
      <source>Admit referral {n}</source>
      <translation>Indlæg fra henvisning {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="179" />
      <source>Could not load the agreement's rules: {message}</source>
      <translation>Kunne ikke hente aftalens regler: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="117" />
      <source>Course tariff</source>
      <translation>Forløbstakst</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="98" />
      <source>Loading the agreement's rules…</source>
      <translation>Henter aftalens regler…</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="114" />
      <source>Plan and settlement</source>
      <translation>Plan og afregning</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="116" />
      <source>Planned end</source>
      <translation>Planlagt slut</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="118" />
      <source>Reason for another tariff</source>
      <translation>Begrundelse for en anden takst</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="236" />
      <source>Say why the course is settled as {code} rather than {proposed}.</source>
      <translation>Angiv hvorfor forløbet afregnes som {code} i stedet for {proposed}.</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="271" />
      <source>Still to fill in: {fields}.</source>
      <translation>Mangler at blive udfyldt: {fields}.</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="97" />
      <source>Why another tariff than the proposed one</source>
      <translation>Hvorfor en anden takst end den foreslåede</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/dialog.py" line="232" />
      <source>{code} (proposed)</source>
      <translation>{code} (foreslået)</translation>
    </message>
  </context>
  <context>
    <name>AdmissionForm</name>
    <message>
      <location filename="../../console/views/admission/form.py" line="94" />
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="125" />
      <source>Admitted at</source>
      <translation>Indlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="92" />
      <location filename="../../console/views/admission/form.py" line="160" />
      <source>CPR</source>
      <translation>CPR</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="142" />
      <location filename="../../console/views/admission/form.py" line="146" />
      <source>Choose…</source>
      <translation>Vælg…</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="121" />
      <source>Condition</source>
      <translation>Diagnose</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="122" />
      <source>Condition details</source>
      <translation>Diagnose, detaljer</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="106" />
      <source>Consent (R-CONSENT)</source>
      <translation>Samtykke (R-CONSENT)</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="117" />
      <source>Course</source>
      <translation>Forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="50" />
      <source>DDMMYY-SSSS</source>
      <translation>DDMMÅÅ-XXXX</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="63" />
      <source>Diagnosis in words (needed for Other)</source>
      <translation>Diagnose i ord (kræves ved Andet)</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="97" />
      <source>GP</source>
      <translation>Egen læge</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="108" />
      <source>Informed by</source>
      <translation>Informeret af</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="72" />
      <source>Initials</source>
      <translation>Initialer</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="79" />
      <source>Medication list (FMK) updated</source>
      <translation>Medicinliste (FMK) opdateret</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="95" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="55" />
      <location filename="../../console/views/admission/form.py" line="93" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="113" />
      <source>Parents informed</source>
      <translation>Forældre informeret</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="114" />
      <source>Parents informed at</source>
      <translation>Forældre informeret kl.</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="90" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="77" />
      <source>Patient 15-17: who informed the parents</source>
      <translation>Patient 15-17 år: hvem informerede forældrene</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="57" />
      <location filename="../../console/views/admission/form.py" line="96" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="124" />
      <source>Place of treatment</source>
      <translation>Behandlingssted</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="123" />
      <source>Provider</source>
      <translation>Udfører</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="119" />
      <source>Referring department</source>
      <translation>Henvisende afdeling</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="56" />
      <source>Relation</source>
      <translation>Relation</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="104" />
      <source>Relative</source>
      <translation>Pårørende</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="120" />
      <source>Responsible doctor</source>
      <translation>Behandlingsansvarlig læge</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="109" />
      <source>When</source>
      <translation>Hvornår</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="74" />
      <source>Written information given and home treatment accepted</source>
      <translation>Skriftlig information givet og hjemmebehandling accepteret</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="162" />
      <source>address</source>
      <translation>adresse</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="59" />
      <source>e.g. Medicinsk afdeling, Holbæk</source>
      <translation>f.eks. Medicinsk afdeling, Holbæk</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="164" />
      <source>municipality</source>
      <translation>kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="161" />
      <source>name</source>
      <translation>navn</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="166" />
      <source>responsible doctor</source>
      <translation>behandlingsansvarlig læge</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="167" />
      <source>who informed</source>
      <translation>hvem der informerede</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/form.py" line="172" />
      <source>written information and consent</source>
      <translation>skriftlig information og samtykke</translation>
    </message>
  </context>
  <context>
    <name>AgreementBar</name>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="136" />
      <source> (care plan not sent)</source>
      <translation> (plejeforløbsplan ikke sendt)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="104" />
      <source>Accepted by phone…</source>
      <translation>Accepteret telefonisk…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="107" />
      <source>Advis</source>
      <translation>Advis</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="134" />
      <source>Awaiting the municipality: municipal doses not yet accepted</source>
      <translation>Afventer kommunen: kommunale doser er endnu ikke accepteret</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="103" />
      <source>By phone</source>
      <translation>Telefonisk</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="140" />
      <source>Care plan agreed with the municipality</source>
      <translation>Plejeforløbsplanen er aftalt med kommunen</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="149" />
      <source>Care plan drafted: review and send it on the Messages screen.</source>
      <translation>Plejeforløbsplan lavet som kladde: gennemse og send den under Meddelelser.</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="102" />
      <source>Draft care plan</source>
      <translation>Udkast til plejeforløbsplan</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="138" />
      <source>Municipality accepted; it has not acknowledged the care plan</source>
      <translation>Kommunen har accepteret; den har ikke kvitteret for plejeforløbsplanen</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="131" />
      <source>Municipality refused the course: {reason}</source>
      <translation>Kommunen har afvist forløbet: {reason}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="106" />
      <source>New message…</source>
      <translation>Ny meddelelse…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="109" />
      <source>No advis is needed for this course</source>
      <translation>Der skal ikke bruges advis til dette forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="105" />
      <source>Refuses the course…</source>
      <translation>Afviser forløbet…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="111" />
      <source>The EPR's hospital notification has not arrived (R-HANDOVER)</source>
      <translation>EPJ's indlæggelsesadvis er ikke kommet (R-HANDOVER)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="108" />
      <source>The municipality confirmed the admission by phone</source>
      <translation>Kommunen har bekræftet indlæggelsen telefonisk</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="113" />
      <source>The municipality's answer by phone: it accepts the course, or refuses it with a reason (R-ACCEPT)</source>
      <translation>Kommunens svar pr. telefon: den accepterer forløbet, eller afviser det med en begrundelse (R-ACCEPT)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="142" />
      <source>Treatment responsibility: {holder}</source>
      <translation>Behandlingsansvar: {holder}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="141" />
      <source>the GP</source>
      <translation>egen læge</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/agreement_bar.py" line="141" />
      <source>the eHospital</source>
      <translation>eHospitalet</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../console/app.py" line="133" />
      <source>The console cannot start: {message}</source>
      <translation>Konsollen kan ikke starte: {message}</translation>
    </message>
    <message>
      <location filename="../../console/app.py" line="132" />
      <location filename="../../console/views/common/unexpected.py" line="29" />
      <source>eWard Console</source>
      <translation>eWard Console</translation>
    </message>
  </context>
  <context>
    <name>AtRiskPanel</name>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="131" />
      <source>No patient runs out within 48 h without a delivery planned.</source>
      <translation>Ingen patient løber tør inden for 48 t uden planlagt levering.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="130" />
      <source>Runs out within 48 h and no delivery planned</source>
      <translation>Slipper op inden for 48 t uden planlagt levering</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="129" />
      <source>Runs out within 48 h and no delivery planned: {n}</source>
      <translation>Slipper op inden for 48 t uden planlagt levering: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="133" />
      <source>“Propose deliveries…” plans them · double-click opens the record</source>
      <translation>“Foreslå leveringer…” planlægger dem · dobbeltklik åbner journalen</translation>
    </message>
  </context>
  <context>
    <name>AuditDialog</name>
    <message>
      <location filename="../../console/views/admin/audit.py" line="117" />
      <source>Admission</source>
      <translation>Indlæggelse</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="101" />
      <source>Audit trail</source>
      <translation>Ændringslog</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="118" />
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="114" />
      <source>Show</source>
      <translation>Vis</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="120" />
      <source>Since</source>
      <translation>Siden</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="119" />
      <source>Table</source>
      <translation>Tabel</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="109" />
      <source>all tables</source>
      <translation>alle tabeller</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="104" />
      <source>any</source>
      <translation>alle</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="106" />
      <source>initials</source>
      <translation>initialer</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="145" />
      <source>{n} changes</source>
      <translation>{n} ændringer</translation>
    </message>
  </context>
  <context>
    <name>AuditViews</name>
    <message>
      <location filename="../../console/views/admin/audit.py" line="69" />
      <source>Action</source>
      <translation>Handling</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="72" />
      <location filename="../../console/views/admin/audit.py" line="84" />
      <source>Admission</source>
      <translation>Indlæggelse</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="75" />
      <source>Changes</source>
      <translation>Ændringer</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="71" />
      <source>Row</source>
      <translation>Række</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="70" />
      <source>Table</source>
      <translation>Tabel</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="83" />
      <source>What for</source>
      <translation>Formål</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="66" />
      <location filename="../../console/views/admin/audit.py" line="80" />
      <source>When</source>
      <translation>Hvornår</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="68" />
      <location filename="../../console/views/admin/audit.py" line="82" />
      <source>Who</source>
      <translation>Hvem</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="47" />
      <source>export</source>
      <translation>eksport</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="46" />
      <source>print</source>
      <translation>udskrift</translation>
    </message>
    <message>
      <location filename="../../console/views/admin/audit.py" line="45" />
      <source>view</source>
      <translation>visning</translation>
    </message>
  </context>
  <context>
    <name>CallListPdf</name>
    <message>
      <location filename="../../console/views/visit_board/call_list_print.py" line="59" />
      <location filename="../../console/views/visit_board/call_list_print.py" line="75" />
      <source>Call list</source>
      <translation>Opkaldsliste</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/call_list_print.py" line="36" />
      <source>Called</source>
      <translation>Ringet</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/call_list_print.py" line="35" />
      <source>Car / who / why</source>
      <translation>Bil / hvem / hvorfor</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/call_list_print.py" line="34" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/call_list_print.py" line="33" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/call_list_print.py" line="34" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/call_list_print.py" line="35" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/call_list_print.py" line="33" />
      <source>Window</source>
      <translation>Tidsvindue</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/call_list_print.py" line="57" />
      <source>{n} visits, {overdue} overdue; printed {at}</source>
      <translation>{n} besøg, {overdue} overskredet; udskrevet {at}</translation>
    </message>
  </context>
  <context>
    <name>Capacity</name>
    <message>
      <location filename="../../console/views/common/capacity.py" line="43" />
      <source>{admitted} / {capacity} admitted</source>
      <translation>{admitted} / {capacity} indlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/common/capacity.py" line="46" />
      <source>{count} — over capacity</source>
      <translation>{count} — over kapacitet</translation>
    </message>
  </context>
  <context>
    <name>CensusScreen</name>
    <message>
      <location filename="../../console/views/census/screen.py" line="132" />
      <source>Admit a referred patient to the eHospital</source>
      <translation>Indlæg en henvist patient på eHospitalet</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="131" />
      <source>Admit patient…</source>
      <translation>Indlæg patient…</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="203" />
      <source>Awaiting acceptance: {n}</source>
      <translation>Afventer accept: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="197" />
      <source>CRP due: {n}</source>
      <translation>CRP mangler: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="74" />
      <location filename="../../console/views/registry.py" line="50" />
      <source>Census</source>
      <translation>Belægning</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="75" />
      <source>Could not load the census: {message}</source>
      <translation>Kunne ikke hente belægningen: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="134" />
      <source>Filter: name, CPR, town, condition, drug</source>
      <translation>Filter: navn, CPR, by, diagnose, lægemiddel</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="199" />
      <source>Low on supply: {n}</source>
      <translation>Lav forsyning: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="211" />
      <source>No patients admitted on {date}.</source>
      <translation>Ingen indlagte patienter {date}.</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="215" />
      <source>No patients match “{text}”.</source>
      <translation>Ingen patienter passer til “{text}”.</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="201" />
      <source>Open escalations: {n}</source>
      <translation>Åbne henvendelser: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/census/screen.py" line="205" />
      <source>Referrals waiting: {n}</source>
      <translation>Henvisninger der venter: {n}</translation>
    </message>
  </context>
  <context>
    <name>CensusTableModel</name>
    <message>
      <location filename="../../console/views/census/model.py" line="73" />
      <source>Awaiting the municipality: its doses are not yet accepted (R-ACCEPT)</source>
      <translation>Afventer kommunen: dens doser er endnu ikke accepteret (R-ACCEPT)</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="49" />
      <source>CPR</source>
      <translation>CPR</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="56" />
      <source>CRP</source>
      <translation>CRP</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="143" />
      <source>CRP due</source>
      <translation>CRP mangler</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="63" />
      <source>CRP due: no CRP taken since the CRP day</source>
      <translation>CRP mangler: ingen CRP taget siden CRP-dagen</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="51" />
      <source>Condition</source>
      <translation>Diagnose</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="54" />
      <source>Day</source>
      <translation>Dag</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="62" />
      <source>Day of the course, of its planned length</source>
      <translation>Dag i forløbet ud af den planlagte længde</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="64" />
      <source>Days of medicine left in the home</source>
      <translation>Dage med medicin tilbage i hjemmet</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="53" />
      <source>Doses</source>
      <translation>Doser</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="58" />
      <source>Escalations</source>
      <translation>Henv.</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="61" />
      <source>IV administrations a day on this day</source>
      <translation>IV-administrationer denne dag</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="50" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="48" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="55" />
      <source>Next visit</source>
      <translation>Næste besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="65" />
      <source>Open escalations</source>
      <translation>Åbne henvendelser</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="245" />
      <source>Overdue {when}</source>
      <translation>Overskredet {when}</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="228" />
      <source>Plan a delivery: medicine runs out soon</source>
      <translation>Planlæg en levering: medicinen slipper snart op</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="217" />
      <source>Planned end {date}</source>
      <translation>Planlagt slut {date}</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="57" />
      <source>Supply left</source>
      <translation>Forsyning</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="230" />
      <source>The medicine at home covers every planned dose to the end of the course</source>
      <translation>Medicinen i hjemmet dækker alle planlagte doser til forløbets slut</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="75" />
      <source>The municipality has not acknowledged the care plan ("Plejeforløbsplan ok")</source>
      <translation>Kommunen har ikke kvitteret for plejeforløbsplanen ("Plejeforløbsplan ok")</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="52" />
      <source>Treatment</source>
      <translation>Behandling</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="69" />
      <source>awaiting</source>
      <translation>afventer</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="70" />
      <source>plan not ok</source>
      <translation>plan ikke ok</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="146" />
      <source>to end</source>
      <translation>til slut</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="139" />
      <source>{day} of {total}</source>
      <translation>{day} af {total}</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="256" />
      <source>{n} day</source>
      <translation>{n} dag</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="257" />
      <source>{n} days</source>
      <translation>{n} dage</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="148" />
      <source>{n} h</source>
      <translation>{n} t</translation>
    </message>
    <message>
      <location filename="../../console/views/census/model.py" line="219" />
      <source>{n} visit(s) past their window without a registration (R-REGISTER): register them done or missed in the record. Next planned: {next}</source>
      <translation>{n} besøg efter deres tidsvindue uden registrering (R-REGISTER): registrér dem som udført eller ikke udført i journalen. Næste planlagte: {next}</translation>
    </message>
  </context>
  <context>
    <name>ComposeDialog</name>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="90" />
      <source>Attach files</source>
      <translation>Vedhæft filer</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="60" />
      <source>Attach files…</source>
      <translation>Vedhæft filer…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="104" />
      <source>Cannot read {name}: {error}</source>
      <translation>Kan ikke læse {name}: {error}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="66" />
      <source>Category</source>
      <translation>Kategori</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="70" />
      <source>Files</source>
      <translation>Filer</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="69" />
      <source>Message</source>
      <translation>Meddelelse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="47" />
      <source>New correspondence message</source>
      <translation>Ny korrespondancemeddelelse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="116" />
      <source>No files</source>
      <translation>Ingen filer</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="91" />
      <source>PDF, PNG, JPEG or GIF (*.pdf *.png *.jpg *.jpeg *.gif)</source>
      <translation>PDF, PNG, JPEG eller GIF (*.pdf *.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="68" />
      <source>Priority</source>
      <translation>Prioritet</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="61" />
      <source>Remove the files</source>
      <translation>Fjern filerne</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="82" />
      <source>Required with the category Other</source>
      <translation>Påkrævet ved kategorien Andet</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="74" />
      <source>Send</source>
      <translation>Send</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="49" />
      <source>The municipality</source>
      <translation>Kommunen</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="50" />
      <source>The patient's GP</source>
      <translation>Patientens egen læge</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="65" />
      <source>To</source>
      <translation>Til</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="67" />
      <source>Topic</source>
      <translation>Emne</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="56" />
      <source>as soon as possible</source>
      <translation>hurtigst muligt</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="55" />
      <source>routine</source>
      <translation>rutine</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/compose_dialog.py" line="98" />
      <source>{name} is too large: a message carries at most 50 MB.</source>
      <translation>{name} er for stor: en meddelelse kan højst have 50 MB med.</translation>
    </message>
  </context>
  <context>
    <name>Condition</name>
    <message>
      <location filename="../../console/views/common/labels.py" line="37" />
      <source>Bacteraemia</source>
      <translation>Bakteriæmi</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="40" />
      <source>COPD exacerbation</source>
      <translation>KOL-exacerbation</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="33" />
      <source>Dehydration</source>
      <translation>Dehydrering</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="36" />
      <source>Erysipelas</source>
      <translation>Erysipelas</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="41" />
      <source>Hyponatraemia</source>
      <translation>Hyponatriæmi</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="42" />
      <source>Other</source>
      <translation>Andet</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="34" />
      <source>Pneumonia</source>
      <translation>Pneumoni</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="39" />
      <source>Postoperative infection</source>
      <translation>Postoperativ infektion</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="38" />
      <source>Spondylodiscitis</source>
      <translation>Spondylodiscitis</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="35" />
      <source>Urinary tract infection</source>
      <translation>Urinvejsinfektion</translation>
    </message>
  </context>
  <context>
    <name>ConferenceTableModel</name>
    <message>
      <location filename="../../console/views/rounds/conference_model.py" line="34" />
      <source>Antibiotics</source>
      <translation>Antibiotika</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference_model.py" line="36" />
      <source>CRP</source>
      <translation>CRP</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference_model.py" line="33" />
      <source>Condition</source>
      <translation>Diagnose</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference_model.py" line="35" />
      <source>Day 1</source>
      <translation>Dag 1</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference_model.py" line="38" />
      <source>Discharged</source>
      <translation>Udskrevet</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference_model.py" line="32" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference_model.py" line="37" />
      <source>Round decisions</source>
      <translation>Stuegangsbeslutninger</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference_model.py" line="86" />
      <source>admitted</source>
      <translation>indlagt</translation>
    </message>
  </context>
  <context>
    <name>ConferenceView</name>
    <message>
      <location filename="../../console/views/rounds/conference.py" line="98" />
      <source>Could not load the conference: {message}</source>
      <translation>Kunne ikke hente konferencen: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference.py" line="104" />
      <source>Loading…</source>
      <translation>Henter…</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference.py" line="106" />
      <source>Microbiology conference {first} – {last}: {n} antibiotic courses</source>
      <translation>Mikrobiologisk konference {first} – {last}: {n} antibiotikaforløb</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference.py" line="73" />
      <source>Select a course to see its CRP curve</source>
      <translation>Vælg et forløb for at se dets CRP-kurve</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/conference.py" line="71" />
      <source>Select up to four courses (Ctrl+click) to compare their CRP curves.</source>
      <translation>Vælg op til fire forløb (Ctrl+klik) for at sammenligne deres CRP-kurver.</translation>
    </message>
  </context>
  <context>
    <name>Conflict</name>
    <message>
      <location filename="../../console/views/common/conflict.py" line="55" />
      <source>Changed by {who}</source>
      <translation>Ændret af {who}</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="52" />
      <source>Changed by {who} at {time}</source>
      <translation>Ændret af {who} kl. {time}</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="64" />
      <source>Their change: {changes}</source>
      <translation>Deres ændring: {changes}</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="50" />
      <source>another desk</source>
      <translation>en anden arbejdsplads</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="29" />
      <source>this admission</source>
      <translation>denne indlæggelse</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="34" />
      <source>this car</source>
      <translation>denne bil</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="33" />
      <source>this delivery</source>
      <translation>denne levering</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="36" />
      <source>this directory contact</source>
      <translation>denne kontakt i kontaktbogen</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="27" />
      <source>this escalation</source>
      <translation>denne henvendelse</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="23" />
      <source>this escalation (already acknowledged)</source>
      <translation>denne henvendelse (allerede kvitteret)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="25" />
      <source>this escalation (already resolved)</source>
      <translation>denne henvendelse (allerede afsluttet)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="35" />
      <source>this municipality</source>
      <translation>denne kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="26" />
      <source>this plan (a car was removed)</source>
      <translation>denne plan (en bil er fjernet)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="28" />
      <source>this record</source>
      <translation>denne journal</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="30" />
      <source>this regimen</source>
      <translation>denne ordination</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="32" />
      <source>this round</source>
      <translation>denne stuegang</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="31" />
      <source>this visit</source>
      <translation>dette besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="45" />
      <source>this {what}</source>
      <translation>denne {what}</translation>
    </message>
    <message>
      <location filename="../../console/views/common/conflict.py" line="57" />
      <source>{what} changed after you opened it. Reload to see their change, then apply yours again (what you typed is kept).</source>
      <translation>{what} er blevet ændret i mellemtiden. Genindlæs for at se ændringen, og foretag din igen (det, du skrev, bevares).</translation>
    </message>
  </context>
  <context>
    <name>ConflictBanner</name>
    <message>
      <location filename="../../console/views/common/conflict.py" line="87" />
      <source>Reload</source>
      <translation>Genindlæs</translation>
    </message>
  </context>
  <context>
    <name>ConnectionIndicator</name>
    <message>
      <location filename="../../console/views/common/connection_indicator.py" line="50" />
      <source>The shared database answers; other desks' changes arrive.</source>
      <translation>Den fælles database svarer; ændringer fra andre arbejdspladser kommer frem.</translation>
    </message>
    <message>
      <location filename="../../console/views/common/connection_indicator.py" line="48" />
      <source>● Connected</source>
      <translation>● Forbundet</translation>
    </message>
    <message>
      <location filename="../../console/views/common/connection_indicator.py" line="53" />
      <source>● Offline since {time}, retrying</source>
      <translation>● Offline siden {time}, prøver igen</translation>
    </message>
  </context>
  <context>
    <name>ContactEditDialog</name>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="111" />
      <source>Active (offered when a call is logged)</source>
      <translation>Aktiv (foreslås, når et opkald registreres)</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="107" />
      <source>Digits and spaces, + in front</source>
      <translation>Cifre og mellemrum, + foran</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="99" />
      <source>Edit {name}</source>
      <translation>Redigér {name}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="118" />
      <source>Hours</source>
      <translation>Træffetid</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="115" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="117" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="97" />
      <source>New contact for {municipality}</source>
      <translation>Ny kontakt i {municipality}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="119" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="118" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="117" />
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="109" />
      <source>e.g. 24/7 or 07-23</source>
      <translation>f.eks. 24/7 eller 07-23</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="104" />
      <source>e.g. Akutteam {municipality}</source>
      <translation>f.eks. Akutteam {municipality}</translation>
    </message>
  </context>
  <context>
    <name>Correspondence</name>
    <message>
      <location filename="../../console/views/common/correspondence.py" line="21" />
      <source>Correspondence messages are not for acute matters: call the e-doctor 24/7 on the ward's phone.</source>
      <translation>Korrespondancemeddelelser er ikke til akutte forhold: ring til eLægen døgnet rundt på afsnittets telefon.</translation>
    </message>
  </context>
  <context>
    <name>CrpChart</name>
    <message>
      <location filename="../../console/views/common/crp_chart.py" line="113" />
      <source>CRP (mg/L)</source>
      <translation>CRP (mg/L)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/crp_chart.py" line="49" />
      <source>No CRP results yet</source>
      <translation>Ingen CRP-svar endnu</translation>
    </message>
  </context>
  <context>
    <name>Dashboard</name>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="225" />
      <source>9 of 10 within (h)</source>
      <translation>9 af 10 inden for (t)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw_referrals.py" line="64" />
      <source>9 of 10 within {n} h</source>
      <translation>9 af 10 inden for {n} t</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="103" />
      <source>A dose missed for missing medicine or supplies, or an escalation about missing medicine or supplies.</source>
      <translation>En dosis sprunget over pga. manglende medicin eller utensilier, eller en henvendelse om manglende medicin eller utensilier.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="183" />
      <source>Acknowledge target (min)</source>
      <translation>Mål for kvittering (min)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="315" />
      <source>Acknowledged within target</source>
      <translation>Kvitteret inden for målet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="69" />
      <source>Admissions and discharges per week (weeks start on Monday).</source>
      <translation>Indlæggelser og udskrivelser pr. uge (ugen starter mandag).</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="110" />
      <source>Admitted</source>
      <translation>Indlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="62" />
      <source>Admitted patients per day</source>
      <translation>Indlagte patienter pr. dag</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="222" />
      <source>All decided</source>
      <translation>Alle afgjorte</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="167" />
      <source>Base</source>
      <translation>Base</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="158" />
      <location filename="../../console/views/dashboard/tables.py" line="117" />
      <source>Bed days</source>
      <translation>Sengedage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="65" />
      <source>Bed days per month</source>
      <translation>Sengedage pr. måned</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="168" />
      <source>Busy</source>
      <translation>Optaget</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="95" />
      <source>By category</source>
      <translation>Efter kategori</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="71" />
      <source>By condition</source>
      <translation>Efter diagnose</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="108" />
      <source>By decision</source>
      <translation>Efter afgørelse</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="96" />
      <source>By municipality</source>
      <translation>Efter kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="83" />
      <source>By provider</source>
      <translation>Efter udfører</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="88" />
      <source>By reason</source>
      <translation>Efter årsag</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="109" />
      <source>By source</source>
      <translation>Efter henviser</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="72" />
      <source>By treatment</source>
      <translation>Efter behandling</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="201" />
      <source>CPR</source>
      <translation>CPR</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="149" />
      <source>CRP day today, not decided yet</source>
      <translation>CRP-dag i dag, endnu ikke besluttet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="147" />
      <source>CRP decision later</source>
      <translation>CRP-beslutning senere</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="148" />
      <source>CRP decision missing</source>
      <translation>CRP-beslutning mangler</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="146" />
      <source>CRP decision on the CRP day</source>
      <translation>CRP-beslutning på CRP-dagen</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="183" />
      <source>Calls</source>
      <translation>Opkald</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="94" />
      <source>Calls from municipal nurses by the week received.</source>
      <translation>Opkald fra kommunale sygeplejersker efter modtagelsesuge.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="110" />
      <source>Capacity</source>
      <translation>Kapacitet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="134" />
      <source>Capacity {n}</source>
      <translation>Kapacitet {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="167" />
      <source>Cars</source>
      <translation>Biler</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="90" />
      <source>Cars in service: treating = the service minutes of their visits, driving = base → stops → base, idle = the rest of the shift.</source>
      <translation>Biler i drift: behandling = besøgenes behandlingsminutter, kørsel = base → stop → base, ledig = resten af vagten.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="132" />
      <source>Condition</source>
      <translation>Diagnose</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="369" />
      <source>Could not write {path}: {error}</source>
      <translation>Kunne ikke skrive {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="179" />
      <location filename="../../console/views/dashboard/draw.py" line="206" />
      <location filename="../../console/views/dashboard/tables.py" line="138" />
      <source>Courses</source>
      <translation>Forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="68" />
      <source>Courses started and ended per week</source>
      <translation>Forløb startet og afsluttet pr. uge</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="74" />
      <source>Courses that ended in the period by their length in ward days, admission and discharge day included.</source>
      <translation>Forløb afsluttet i perioden efter længde i dage, indlæggelses- og udskrivelsesdag medregnet.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="110" />
      <location filename="../../console/views/dashboard/tables.py" line="155" />
      <location filename="../../console/views/dashboard/tables.py" line="156" />
      <source>Date</source>
      <translation>Dato</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="250" />
      <location filename="../../console/views/dashboard/draw.py" line="253" />
      <location filename="../../console/views/dashboard/draw.py" line="269" />
      <source>Day</source>
      <translation>Dag</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="244" />
      <source>Day-3 CRP decisions</source>
      <translation>CRP-beslutninger dag 3</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="138" />
      <source>Days</source>
      <translation>Dage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="205" />
      <source>Days, admission and discharge day included</source>
      <translation>Dage, indlæggelses- og udskrivelsesdag medregnet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="225" />
      <source>Decision</source>
      <translation>Afgørelse</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="101" />
      <source>Deliveries by the week they were due (R-SUPPLY).</source>
      <translation>Leveringer efter den uge, de skulle ske (R-SUPPLY).</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="100" />
      <source>Deliveries on time</source>
      <translation>Leveringer til tiden</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="202" />
      <source>Detail</source>
      <translation>Detalje</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="77" />
      <source>Discharge outcomes (R-DISCHARGE), and for the CRP days in the period whether a signed ward round decided that day (R-CRP3).</source>
      <translation>Udfald ved udskrivelse (R-DISCHARGE) og, for periodens CRP-dage, om en underskrevet stuegang besluttede samme dag (R-CRP3).</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="42" />
      <source>Dose missed</source>
      <translation>Dosis sprunget over</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="287" />
      <source>Driving</source>
      <translation>Kørsel</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="168" />
      <source>Driving h</source>
      <translation>Kørsel t</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="171" />
      <location filename="../../console/views/dashboard/tables.py" line="133" />
      <source>Ended</source>
      <translation>Afsluttet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="43" />
      <source>Escalation</source>
      <translation>Henvendelse</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="122" />
      <source>Escalations and supplies</source>
      <translation>Henvendelser og forsyninger</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="93" />
      <source>Escalations per week</source>
      <translation>Henvendelser pr. uge</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="358" />
      <location filename="../../console/views/dashboard/charts.py" line="368" />
      <source>Export chart</source>
      <translation>Eksportér diagram</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="235" />
      <source>Export chart…</source>
      <translation>Eksportér diagram…</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="35" />
      <source>Failed</source>
      <translation>Mislykket</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="297" />
      <source>Hours (all car shifts in the period)</source>
      <translation>Timer (alle bilvagter i perioden)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="111" />
      <source>Hours from receiving a referral to the e-doctor's admission or decline, for the referrals received in the period and decided; the ones still waiting are counted apart.</source>
      <translation>Timer fra en henvisning modtages til e-lægen indlægger eller afviser, for henvisninger modtaget i perioden og afgjort; dem, der stadig venter, tælles for sig.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw_referrals.py" line="67" />
      <source>Hours from referral to decision</source>
      <translation>Timer fra henvisning til afgørelse</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="201" />
      <source>How it showed</source>
      <translation>Hvordan det viste sig</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="288" />
      <source>Idle</source>
      <translation>Ledig</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="168" />
      <source>Idle h</source>
      <translation>Ledig t</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="34" />
      <source>Late</source>
      <translation>Forsinket</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="234" />
      <source>Later</source>
      <translation>Senere</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="73" />
      <source>Length of stay</source>
      <translation>Indlæggelsestid</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="84" />
      <source>MBE by base and shift</source>
      <translation>MBE efter base og vagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="89" />
      <source>MBE car utilisation</source>
      <translation>Udnyttelse af MBE-biler</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="197" />
      <source>Mean {n} days</source>
      <translation>Gennemsnit {n} dage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="150" />
      <source>Measure</source>
      <translation>Mål</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="225" />
      <source>Median (h)</source>
      <translation>Median (t)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="183" />
      <location filename="../../console/views/dashboard/tables.py" line="184" />
      <source>Median (min)</source>
      <translation>Median (min)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="324" />
      <source>Median {median} h to decision · 9 of 10 within {p90} h</source>
      <translation>Median {median} t til afgørelse · 9 af 10 inden for {p90} t</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="199" />
      <source>Median {n} days</source>
      <translation>Median {n} dage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw_referrals.py" line="61" />
      <source>Median {n} h</source>
      <translation>Median {n} t</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="235" />
      <source>Missing</source>
      <translation>Mangler</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="117" />
      <source>Month</source>
      <translation>Måned</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="201" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="278" />
      <source>No MBE car was on a shift in this period.</source>
      <translation>Ingen MBE-bil havde vagt i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="250" />
      <source>No MBE visit in this period.</source>
      <translation>Intet MBE-besøg i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="146" />
      <source>No bed days in this period.</source>
      <translation>Ingen sengedage i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="30" />
      <source>No car yet</source>
      <translation>Ingen bil endnu</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="219" />
      <source>No course ended and no CRP day fell in this period.</source>
      <translation>Intet forløb afsluttet og ingen CRP-dag i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="190" />
      <source>No course ended in this period.</source>
      <translation>Intet forløb afsluttet i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="166" />
      <source>No course started or ended in this period.</source>
      <translation>Intet forløb startet eller afsluttet i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="347" />
      <source>No delivery was due in this period.</source>
      <translation>Ingen levering skulle ske i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="304" />
      <location filename="../../console/views/dashboard/draw.py" line="310" />
      <source>No escalation in this period.</source>
      <translation>Ingen henvendelse i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="353" />
      <source>No patient ran out of medicine or supplies in this period.</source>
      <translation>Ingen patient løb tør for medicin eller utensilier i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="127" />
      <source>No patient was admitted in this period.</source>
      <translation>Ingen patient var indlagt i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw_referrals.py" line="37" />
      <location filename="../../console/views/dashboard/draw_referrals.py" line="40" />
      <source>No referral in this period.</source>
      <translation>Ingen henvisninger i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw_referrals.py" line="47" />
      <source>No referral received in this period has been decided yet.</source>
      <translation>Ingen henvisning modtaget i perioden er afgjort endnu.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="252" />
      <source>No visit in this period.</source>
      <translation>Intet besøg i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="269" />
      <source>No visit was missed in this period.</source>
      <translation>Intet besøg blev misset i perioden.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="37" />
      <source>Not due yet</source>
      <translation>Ikke forfalden endnu</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="234" />
      <source>On the CRP day</source>
      <translation>På CRP-dagen</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="33" />
      <source>On time</source>
      <translation>Til tiden</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="40" />
      <source>Outcome not recorded</source>
      <translation>Udfald ikke registreret</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="76" />
      <source>Outcomes and day-3 CRP decisions</source>
      <translation>Udfald og CRP-beslutninger dag 3</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="120" />
      <source>Outcomes and visits</source>
      <translation>Udfald og besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="231" />
      <source>Outcomes of ended courses</source>
      <translation>Udfald af afsluttede forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="110" />
      <source>Over capacity</source>
      <translation>Over kapacitet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="36" />
      <source>Overdue (still open)</source>
      <translation>Overskredet (stadig åben)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="359" />
      <source>PNG image (*.png);;PDF document (*.pdf)</source>
      <translation>PNG-billede (*.png);;PDF-dokument (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="201" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="142" />
      <location filename="../../console/views/dashboard/draw.py" line="363" />
      <source>Patients</source>
      <translation>Patienter</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="63" />
      <source>Patients admitted on each ward day against the planned capacity (R-CAPACITY). Amber days are over capacity.</source>
      <translation>Indlagte patienter hver dag mod den planlagte kapacitet (R-CAPACITY). Gule dage er over kapacitet.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="102" />
      <source>Patients who ran out of supplies</source>
      <translation>Patienter, der løb tør for forsyninger</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="272" />
      <source>Peak {peak}, mean {mean} · over capacity on {over} of {days} days</source>
      <translation>Højest {peak}, gennemsnit {mean} · over kapacitet {over} af {days} dage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="184" />
      <location filename="../../console/views/dashboard/tables.py" line="185" />
      <source>Pending</source>
      <translation>Afventer</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="87" />
      <source>Per day</source>
      <translation>Pr. døgn</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="161" />
      <source>Reason given</source>
      <translation>Begrundelse givet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="124" />
      <location filename="../../console/views/dashboard/draw_referrals.py" line="68" />
      <location filename="../../console/views/dashboard/tables.py" line="225" />
      <source>Referrals</source>
      <translation>Henvisninger</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="106" />
      <source>Referrals by the week they were received, and how they were decided (R-ELIGIBLE).</source>
      <translation>Henvisninger efter den uge, de blev modtaget, og hvordan de blev afgjort (R-ELIGIBLE).</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="105" />
      <source>Referrals per week</source>
      <translation>Henvisninger pr. uge</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="184" />
      <source>Resolve target (min)</source>
      <translation>Mål for afslutning (min)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="316" />
      <source>Resolved within target</source>
      <translation>Afsluttet inden for målet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="72" />
      <source>Routine</source>
      <translation>Rutine</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="236" />
      <source>Save this chart as PNG or PDF</source>
      <translation>Gem dette diagram som PNG eller PDF</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="183" />
      <source>Severity</source>
      <translation>Alvorlighed</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="150" />
      <source>Share</source>
      <translation>Andel</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="98" />
      <source>Share of decided clocks within the target, per severity; clocks still inside their target are pending.</source>
      <translation>Andel af afgjorte frister inden for målet, pr. alvorlighed; frister, der stadig er inden for målet, afventer.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="167" />
      <source>Shift</source>
      <translation>Vagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="167" />
      <source>Shift h</source>
      <translation>Vagt t</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="234" />
      <source>Show the numbers as a table</source>
      <translation>Vis tallene som tabel</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="171" />
      <location filename="../../console/views/dashboard/tables.py" line="133" />
      <source>Started</source>
      <translation>Startet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="224" />
      <source>Still waiting (oldest)</source>
      <translation>Venter stadig (ældste)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="167" />
      <source>Stops</source>
      <translation>Stop</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="233" />
      <source>Table</source>
      <translation>Tabel</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="66" />
      <source>The daily admitted counts added up per month (only the period's days).</source>
      <translation>Det daglige antal indlagte lagt sammen pr. måned (kun periodens dage).</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="110" />
      <source>Time from referral to decision</source>
      <translation>Tid fra henvisning til afgørelse</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="97" />
      <source>Time to acknowledge and resolve</source>
      <translation>Tid til kvittering og afslutning</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="71" />
      <source>Today</source>
      <translation>I dag</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="237" />
      <source>Today, pending</source>
      <translation>I dag, afventer</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="98" />
      <source>Total</source>
      <translation>I alt</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="286" />
      <source>Treating</source>
      <translation>Behandling</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="167" />
      <source>Treating h</source>
      <translation>Behandling t</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="132" />
      <source>Treatment</source>
      <translation>Behandling</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="70" />
      <source>Urgent</source>
      <translation>Akut</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="161" />
      <source>Visits</source>
      <translation>Besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="85" />
      <source>Visits missed</source>
      <translation>Missede besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="80" />
      <source>Visits per day</source>
      <translation>Besøg pr. dag</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="81" />
      <source>Visits planned, done or missed (not cancelled) on the day their window starts.</source>
      <translation>Besøg planlagt, udført eller misset (ikke annulleret) på den dag, deres tidsvindue starter.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="86" />
      <source>Visits registered as missed.</source>
      <translation>Besøg registreret som misset.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/charts.py" line="118" />
      <source>Ward and courses</source>
      <translation>Afdeling og forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="177" />
      <location filename="../../console/views/dashboard/draw.py" line="305" />
      <location filename="../../console/views/dashboard/draw.py" line="347" />
      <source>Week starting</source>
      <translation>Uge fra</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="184" />
      <location filename="../../console/views/dashboard/tables.py" line="185" />
      <source>Within target</source>
      <translation>Inden for målet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="309" />
      <source>Within target: acknowledged {ack} · resolved {res}</source>
      <translation>Inden for målet: kvitteret {ack} · afsluttet {res}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="28" />
      <source>day</source>
      <translation>dag</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="29" />
      <source>evening</source>
      <translation>aften</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="334" />
      <source>median {m}</source>
      <translation>median {m}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="327" />
      <source>oldest waiting {h} h</source>
      <translation>ældste venter {h} t</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="321" />
      <source>targets {a} / {b} min</source>
      <translation>mål {a} / {b} min</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="112" />
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="300" />
      <source>{cars} car shifts · busy {share} of their time</source>
      <translation>{cars} bilvagter · optaget {share} af tiden</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="285" />
      <source>{ended} ended · CRP decided on the day for {on} of {due} ({share})</source>
      <translation>{ended} afsluttet · CRP besluttet på dagen for {on} af {due} ({share})</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="342" />
      <source>{h} h</source>
      <translation>{h} t</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="294" />
      <source>{missed} missed of {registered} registered ({share})</source>
      <translation>{missed} misset af {registered} registreret ({share})</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="275" />
      <source>{n} bed days</source>
      <translation>{n} sengedage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="281" />
      <source>{n} ended courses · mean {mean} · median {median} days</source>
      <translation>{n} afsluttede forløb · gennemsnit {mean} · median {median} dage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="303" />
      <source>{n} escalations</source>
      <translation>{n} henvendelser</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="333" />
      <source>{n} overdue</source>
      <translation>{n} overskredet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="316" />
      <source>{n} patients ran out</source>
      <translation>{n} patienter løb tør</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="331" />
      <source>{n} pending</source>
      <translation>{n} afventer</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="319" />
      <source>{n} referrals · {admitted} admitted · {declined} declined · {waiting} waiting</source>
      <translation>{n} henvisninger · {admitted} indlagt · {declined} afvist · {waiting} venter</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/draw.py" line="292" />
      <source>{share} busy</source>
      <translation>{share} optaget</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="313" />
      <source>{share} on time · {failed} failed · {overdue} overdue</source>
      <translation>{share} til tiden · {failed} mislykket · {overdue} overskredet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="277" />
      <source>{started} started · {ended} ended</source>
      <translation>{started} startet · {ended} afsluttet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/tables.py" line="290" />
      <source>{total} visits · {mbe} by the MBE</source>
      <translation>{total} besøg · {mbe} af MBE</translation>
    </message>
  </context>
  <context>
    <name>DashboardPrint</name>
    <message>
      <location filename="../../console/views/dashboard/dashboard_print.py" line="76" />
      <source>Could not open the printer or file for writing.</source>
      <translation>Kunne ikke åbne printeren eller filen til skrivning.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/dashboard_print.py" line="82" />
      <source>Generated {time}</source>
      <translation>Dannet {time}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/dashboard_print.py" line="92" />
      <source>{generated} · page {page} of {pages}</source>
      <translation>{generated} · side {page} af {pages}</translation>
    </message>
  </context>
  <context>
    <name>DashboardScreen</name>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="66" />
      <source>Could not load the dashboard: {message}</source>
      <translation>Kunne ikke hente overblikket: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="274" />
      <source>Could not write {path}: {error}</source>
      <translation>Kunne ikke skrive {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="65" />
      <location filename="../../console/views/registry.py" line="68" />
      <source>Dashboard</source>
      <translation>Overblik</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="265" />
      <location filename="../../console/views/dashboard/screen.py" line="274" />
      <source>Dashboard as PDF</source>
      <translation>Overblik som PDF</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="133" />
      <source>Dashboard as PDF…</source>
      <translation>Overblik som PDF…</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="134" />
      <source>Every chart of the period in one PDF</source>
      <translation>Alle periodens diagrammer i én PDF</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="130" />
      <source>First day</source>
      <translation>Første dag</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="127" />
      <source>From – to…</source>
      <translation>Fra – til…</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="125" />
      <source>Last 30 days</source>
      <translation>Seneste 30 dage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="125" />
      <source>Last 7 days</source>
      <translation>Seneste 7 dage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="126" />
      <source>Last 90 days</source>
      <translation>Seneste 90 dage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="131" />
      <source>Last day</source>
      <translation>Sidste dag</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="132" />
      <source>Loading…</source>
      <translation>Henter…</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="267" />
      <source>PDF document (*.pdf)</source>
      <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="124" />
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="282" />
      <location filename="../../console/views/dashboard/screen.py" line="288" />
      <source>Print dashboard</source>
      <translation>Udskriv overblik</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="135" />
      <source>Print dashboard…</source>
      <translation>Udskriv overblik…</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="138" />
      <source>Settlement</source>
      <translation>Afregning</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="126" />
      <source>This year</source>
      <translation>I år</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/screen.py" line="250" />
      <source>eHospital dashboard — {period}</source>
      <translation>eHospitalets overblik — {period}</translation>
    </message>
  </context>
  <context>
    <name>Delivery</name>
    <message>
      <location filename="../../console/views/logistics/model.py" line="47" />
      <source>Cancelled</source>
      <translation>Annulleret</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="45" />
      <source>Delivered</source>
      <translation>Leveret</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="77" />
      <source>Due after run-out</source>
      <translation>Forfalder efter medicinen slipper op</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="76" />
      <source>ETA after due</source>
      <translation>Ankomst efter fristen</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="46" />
      <source>Failed</source>
      <translation>Mislykket</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="78" />
      <source>Failed: {reason}</source>
      <translation>Mislykket: {reason}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="44" />
      <source>Out for delivery</source>
      <translation>Undervejs</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="75" />
      <source>Overdue</source>
      <translation>Overskredet</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="43" />
      <source>Packed</source>
      <translation>Pakket</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="42" />
      <source>Requested</source>
      <translation>Bestilt</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="74" />
      <source>Review: regimen changed</source>
      <translation>Gennemgå: ordination ændret</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="73" />
      <source>With an MBE car</source>
      <translation>Med en MBE-bil</translation>
    </message>
  </context>
  <context>
    <name>DeliveryActions</name>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="194" />
      <source>An MBE car brings it: a stop in the dispatch tray</source>
      <translation>En MBE-bil bringer den: et stop på disponentens venteliste</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="189" />
      <source>Delivered</source>
      <translation>Leveret</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="190" />
      <source>Failed…</source>
      <translation>Mislykket…</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="193" />
      <source>Hand to MBE car</source>
      <translation>Giv til MBE-bil</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="177" />
      <source>No open deliveries to drive.</source>
      <translation>Ingen åbne leveringer at køre ud.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="188" />
      <source>Out for delivery</source>
      <translation>Undervejs</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="187" />
      <source>Packed</source>
      <translation>Pakket</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="180" />
      <source>Run: {n} stops from {base} at {start} · {h} h {m} min driving · back about {back}</source>
      <translation>Tur: {n} stop fra {base} kl. {start} · {h} t {m} min kørsel · tilbage ca. {back}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="206" />
      <source>Select a delivery to move it on.</source>
      <translation>Vælg en levering for at flytte den videre.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/panels.py" line="208" />
      <source>{patient}: {status}</source>
      <translation>{patient}: {status}</translation>
    </message>
  </context>
  <context>
    <name>Directory</name>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="99" />
      <source>4x/day agreement</source>
      <translation>Aftale om 4 gange dagligt</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="117" />
      <source>Active</source>
      <translation>Aktiv</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="31" />
      <source>Acute team</source>
      <translation>Akutteam</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="32" />
      <source>Home nursing</source>
      <translation>Hjemmesygepleje</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="113" />
      <source>Hours</source>
      <translation>Træffetid</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="98" />
      <source>Main town</source>
      <translation>Hovedby</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="98" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="112" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="102" />
      <source>No</source>
      <translation>Nej</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="114" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="33" />
      <source>Other</source>
      <translation>Andet</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="99" />
      <location filename="../../console/views/escalations/directory_dialog.py" line="113" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="117" />
      <source>Retired</source>
      <translation>Udgået</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="114" />
      <source>State</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="112" />
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="102" />
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="103" />
      <source>not set</source>
      <translation>ikke angivet</translation>
    </message>
  </context>
  <context>
    <name>DirectoryDialog</name>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="203" />
      <source>Add contact…</source>
      <translation>Tilføj kontakt…</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="277" />
      <source>Choose a municipality to see its contacts</source>
      <translation>Vælg en kommune for at se dens kontakter</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="276" />
      <source>Contacts of {municipality}</source>
      <translation>Kontakter i {municipality}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="248" />
      <source>Could not load the directory: {message}</source>
      <translation>Kunne ikke hente kontaktbogen: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="204" />
      <source>Edit contact…</source>
      <translation>Redigér kontakt…</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="202" />
      <source>Edit municipality…</source>
      <translation>Redigér kommune…</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="170" />
      <source>Filter by municipality or town</source>
      <translation>Filtrér efter kommune eller by</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="155" />
      <source>Municipal directory</source>
      <translation>Kommunal kontaktbog</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="285" />
      <source>Only an admin may edit the directory</source>
      <translation>Kun en administrator må redigere kontaktbogen</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_dialog.py" line="164" />
      <source>Only an admin may edit the directory; you see it read-only.</source>
      <translation>Kun en administrator må redigere kontaktbogen; du ser den skrivebeskyttet.</translation>
    </message>
  </context>
  <context>
    <name>DischargeDialog</name>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="60" />
      <source>Discharge</source>
      <translation>Afslut indlæggelse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="48" />
      <source>Discharge summary (epikrise) sent to the GP from the EPR</source>
      <translation>Epikrise sendt til egen læge fra EPJ</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="45" />
      <source>Discharge {name}</source>
      <translation>Afslut indlæggelse: {name}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="72" />
      <source>Give the medicine (after a switch, the tablets) until {date}, the first coming weekday, update FMK and tell the municipality (R-EPIKRISE).</source>
      <translation>Giv medicinen (efter et skift: tabletterne) med til {date}, førstkommende hverdag, opdatér FMK og orientér kommunen (R-EPIKRISE).</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="52" />
      <source>Municipality informed</source>
      <translation>Kommunen informeret</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="57" />
      <source>No epikrise because</source>
      <translation>Ingen epikrise fordi</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="50" />
      <source>Only when no epikrise is sent: why (R-EPIKRISE)</source>
      <translation>Kun hvis der ikke sendes epikrise: hvorfor (R-EPIKRISE)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="55" />
      <source>Outcome</source>
      <translation>Udfald</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="66" />
      <source>the patient's GP</source>
      <translation>patientens egen læge</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/discharge_dialog.py" line="67" />
      <source>{visits} planned visit(s) and {deliveries} open delivery(ies) will be cancelled. The eHospital keeps the treatment responsibility until {gp} has the epikrise.</source>
      <translation>{visits} planlagte besøg og {deliveries} åbne leveringer aflyses. eHospitalet har behandlingsansvaret, indtil {gp} har epikrisen.</translation>
    </message>
  </context>
  <context>
    <name>DispatchBoard</name>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="67" />
      <source>Done at about {at}</source>
      <translation>Færdig ca. {at}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="68" />
      <source>ETA {eta} on {car}, after {m} min driving</source>
      <translation>Ankomst {eta} med {car} efter {m} min kørsel</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="76" />
      <source>Late: a later stop or the return to base is late from here on.</source>
      <translation>Forsinket: et senere stop eller hjemkomsten til basen bliver forsinket herfra.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="73" />
      <source>Late: starts {m} min after its window closes.</source>
      <translation>Forsinket: starter {m} min efter at tidsvinduet lukker.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="72" />
      <source>Location approximate (the municipality's point).</source>
      <translation>Omtrentlig placering (kommunens punkt).</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="184" />
      <source>Open the patient</source>
      <translation>Åbn patienten</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="178" />
      <source>Pin to {car}</source>
      <translation>Fastlås til {car}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="70" />
      <source>Pinned: the planner keeps it on this car.</source>
      <translation>Fastlåst: planlæggeren beholder det på denne bil.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="191" />
      <source>Put in service</source>
      <translation>Sæt i drift</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="187" />
      <source>Put the tray's selected visit on {car}</source>
      <translation>Sæt ventelistens valgte besøg på {car}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="79" />
      <source>Slack {m} min: it can start that much later and the rest of the route still fits.</source>
      <translation>Luft {m} min: besøget kan starte så meget senere, og resten af ruten holder stadig.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="181" />
      <source>Take off the car</source>
      <translation>Tag af bilen</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="190" />
      <source>Take out of service</source>
      <translation>Tag ud af drift</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="178" />
      <source>Unpin</source>
      <translation>Lås op</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="85" />
      <source>{car} · {base} {shift} {hours}
Crew: {crew}
{stops} · {m} min driving · back {back}</source>
      <translation>{car} · {base} {shift} {hours}
Besætning: {crew}
{stops} · {m} min kørsel · tilbage {back}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board.py" line="63" />
      <source>{kind} · {minutes} min · window {window}</source>
      <translation>{kind} · {minutes} min · tidsvindue {window}</translation>
    </message>
  </context>
  <context>
    <name>DispatchExtras</name>
    <message>
      <location filename="../../console/views/dispatch/extras.py" line="99" />
      <source>MBE routes on the map</source>
      <translation>MBE-ruter på kortet</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/extras.py" line="66" />
      <source>Map…</source>
      <translation>Kort…</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/extras.py" line="63" />
      <source>Route sheet…</source>
      <translation>Køreseddel…</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/extras.py" line="77" />
      <source>Save the route sheet</source>
      <translation>Gem køresedlen</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/extras.py" line="64" />
      <source>The chosen car's route as a PDF for the crew (the print is logged for each patient)</source>
      <translation>Den valgte bils rute som PDF til besætningen (udskriften logges for hver patient)</translation>
    </message>
  </context>
  <context>
    <name>DispatchMap</name>
    <message>
      <location filename="../../console/views/dispatch/map.py" line="215" />
      <source>MBE base</source>
      <translation>MBE-base</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/map.py" line="218" />
      <source>No MBE visits to show</source>
      <translation>Ingen MBE-besøg at vise</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/map.py" line="222" />
      <source>Schematic: stops close together are drawn side by side.</source>
      <translation>Skematisk: stop tæt på hinanden tegnes side om side.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/map.py" line="211" />
      <source>approximate location</source>
      <translation>omtrentlig placering</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/map.py" line="44" />
      <source>day</source>
      <translation>dag</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/map.py" line="45" />
      <source>evening</source>
      <translation>aften</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/map.py" line="272" />
      <source>unassigned visit</source>
      <translation>ikke-fordelt besøg</translation>
    </message>
  </context>
  <context>
    <name>DispatchModel</name>
    <message>
      <location filename="../../console/views/dispatch/model.py" line="56" />
      <source>1 stop</source>
      <translation>1 stop</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="262" />
      <source>Base</source>
      <translation>Base</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="263" />
      <source>Car</source>
      <translation>Bil</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="263" />
      <source>Crew</source>
      <translation>Besætning</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="264" />
      <source>In service</source>
      <translation>I drift</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="97" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="98" />
      <source>Min</source>
      <translation>Min</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="187" />
      <source>No exact address point: the municipality's point is used, so travel times are estimates.</source>
      <translation>Intet præcist adressepunkt: kommunens punkt bruges, så køretiderne er skøn.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="56" />
      <source>Not placed</source>
      <translation>Ikke placeret</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="298" />
      <source>Out of service: {reason}</source>
      <translation>Ude af drift: {reason}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="96" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="98" />
      <source>Place</source>
      <translation>Sted</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="262" />
      <source>Shift</source>
      <translation>Vagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="99" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="184" />
      <source>The plan could not place it: {reason}</source>
      <translation>Planen kunne ikke placere det: {reason}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="96" />
      <source>Town</source>
      <translation>By</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="264" />
      <source>Visits</source>
      <translation>Besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="59" />
      <source>Waiting</source>
      <translation>Venter</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="97" />
      <source>Window</source>
      <translation>Tidsvindue</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="58" />
      <source>Window open</source>
      <translation>Vindue åbent</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="57" />
      <source>Window passed</source>
      <translation>Vindue forbi</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="299" />
      <source>no reason recorded</source>
      <translation>ingen begrundelse noteret</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/model.py" line="56" />
      <source>{n} stops</source>
      <translation>{n} stop</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/tables.py" line="301" />
      <source>{stops} · {m} min driving · back {back}</source>
      <translation>{stops} · {m} min kørsel · tilbage {back}</translation>
    </message>
  </context>
  <context>
    <name>DispatchScreen</name>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="194" />
      <source>All bases</source>
      <translation>Alle baser</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="190" />
      <source>Auto-plan…</source>
      <translation>Autoplanlæg…</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="195" />
      <source>Both shifts</source>
      <translation>Begge vagter</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="265" />
      <source>Cars and crews</source>
      <translation>Biler og besætninger</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="264" />
      <source>Cars and crews (double-click a crew to change it)</source>
      <translation>Biler og besætninger (dobbeltklik på en besætning for at ændre den)</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="70" />
      <source>Could not load the dispatch board: {message}</source>
      <translation>Kunne ikke hente disponeringstavlen: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="195" />
      <source>Day shift</source>
      <translation>Dagvagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="69" />
      <location filename="../../console/views/registry.py" line="61" />
      <source>Dispatch</source>
      <translation>Disponering</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="196" />
      <source>Evening shift</source>
      <translation>Aftenvagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="249" />
      <source>MBE dispatch</source>
      <translation>MBE-disponering</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="267" />
      <source>No MBE shifts on {date}. A dispatcher creates each base's day and evening shift with its cars from the rota (Shifts); the tray below still lists the day's MBE visits.</source>
      <translation>Ingen MBE-vagter den {date}. En disponent opretter hver bases dag- og aftenvagt med dens biler ud fra vagtplanen (Vagter); ventelisten nedenfor viser stadig dagens MBE-besøg.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="191" />
      <source>Plan the tray's visits onto the cars in service and order every route (re-plan keeps done and pinned visits); you accept or discard the proposal</source>
      <translation>Fordel ventelistens besøg på bilerne i drift og læg hver rute i rækkefølge (ny planlægning beholder udførte og fastlåste besøg); du accepterer eller kasserer forslaget</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="335" />
      <source>Saving…</source>
      <translation>Gemmer…</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="262" />
      <source>Tray: {n} MBE visits on no car — {hint}</source>
      <translation>Venteliste: {n} MBE-besøg uden bil — {hint}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="260" />
      <source>drag one onto a car, or select it and press Enter on a car's lane</source>
      <translation>træk et besøg over på en bil, eller vælg det og tryk Enter på en bils bane</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="261" />
      <source>read-only: only a dispatcher assigns visits</source>
      <translation>skrivebeskyttet: kun en disponent fordeler besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="277" />
      <source>visit #{id}</source>
      <translation>besøg #{id}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="257" />
      <source>{d} done without a car</source>
      <translation>{d} udført uden bil</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="253" />
      <source>{n} MBE visits · {m} on cars · {k} in the tray</source>
      <translation>{n} MBE-besøg · {m} på biler · {k} på ventelisten</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/screen.py" line="197" />
      <source>▨ driving · faint band: time window · yellow pin: pinned · red edge: late · red line: now · ≈ approximate location</source>
      <translation>▨ kørsel · svagt bånd: tidsvindue · gul nål: fastlåst · rød kant: forsinket · rød linje: nu · ≈ omtrentlig placering</translation>
    </message>
  </context>
  <context>
    <name>DispatchShifts</name>
    <message>
      <location filename="../../console/views/dispatch/shifts.py" line="58" />
      <source>Copy the week from {source} with its crews</source>
      <translation>Kopiér ugen fra {source} med besætninger</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/shifts.py" line="56" />
      <source>Create 7 days of shifts from the rota, from {date}</source>
      <translation>Opret 7 dages vagter ud fra vagtplanen, fra {date}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/shifts.py" line="55" />
      <source>Create MBE shifts for the bases' cars (R-SHIFT)</source>
      <translation>Opret MBE-vagter for basernes biler (R-SHIFT)</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/shifts.py" line="68" />
      <source>No shifts copied</source>
      <translation>Ingen vagter kopieret</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/shifts.py" line="63" />
      <source>No shifts created</source>
      <translation>Ingen vagter oprettet</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/shifts.py" line="54" />
      <source>Shifts</source>
      <translation>Vagter</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/shifts.py" line="71" />
      <source>{n} shifts created; {m} were already there.</source>
      <translation>{n} vagter oprettet; {m} fandtes allerede.</translation>
    </message>
  </context>
  <context>
    <name>DispatchWrites</name>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="118" />
      <source>Back in the tray: {names}.</source>
      <translation>Tilbage på ventelisten: {names}.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="136" />
      <source>Crew not changed</source>
      <translation>Besætning ikke ændret</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="124" />
      <source>It had no planned visits.</source>
      <translation>Den havde ingen planlagte besøg.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="108" />
      <source>Not pinned</source>
      <translation>Ikke fastlåst</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="80" />
      <source>Not put on the car</source>
      <translation>Ikke sat på bilen</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="96" />
      <source>Not taken off the car</source>
      <translation>Ikke taget af bilen</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="108" />
      <source>Not unpinned</source>
      <translation>Ikke låst op</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="121" />
      <source>Pinned, still on {car} until you move them: {names}.</source>
      <translation>Fastlåst, stadig på {car}, indtil du flytter dem: {names}.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="87" />
      <source>Select a visit in the tray first, then press Enter on a car's lane.</source>
      <translation>Vælg først et besøg på ventelisten, og tryk så Enter på en bils bane.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="129" />
      <source>Service not changed</source>
      <translation>Drift ikke ændret</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="115" />
      <source>{car} is in service.</source>
      <translation>{car} er i drift.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="116" />
      <source>{car} is out of service.</source>
      <translation>{car} er ude af drift.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="133" />
      <source>{car}: crew {crew}.</source>
      <translation>{car}: besætning {crew}.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="95" />
      <source>{patient} is back in the tray.</source>
      <translation>{patient} er tilbage på ventelisten.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="105" />
      <source>{patient} is no longer pinned.</source>
      <translation>{patient} er ikke længere fastlåst.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="73" />
      <source>{patient} is on {car} at {eta}: {stops}, back at base {back}.</source>
      <translation>{patient} er på {car} kl. {eta}: {stops}, tilbage på basen {back}.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/writes.py" line="103" />
      <source>{patient} is pinned to {car}: the planner keeps it there.</source>
      <translation>{patient} er fastlåst til {car}: planlæggeren beholder besøget der.</translation>
    </message>
  </context>
  <context>
    <name>DocumentExport</name>
    <message>
      <location filename="../../console/views/common/export.py" line="49" />
      <source>Could not write {path}: {error}</source>
      <translation>Kunne ikke skrive {path}: {error}</translation>
    </message>
  </context>
  <context>
    <name>Durations</name>
    <message>
      <location filename="../../console/views/common/durations.py" line="20" />
      <source>{d} d {h} h</source>
      <translation>{d} d {h} t</translation>
    </message>
    <message>
      <location filename="../../console/views/common/durations.py" line="22" />
      <source>{h} h</source>
      <translation>{h} t</translation>
    </message>
    <message>
      <location filename="../../console/views/common/durations.py" line="23" />
      <source>{h} h {m} min</source>
      <translation>{h} t {m} min</translation>
    </message>
    <message>
      <location filename="../../console/views/common/durations.py" line="17" />
      <source>{m} min</source>
      <translation>{m} min</translation>
    </message>
  </context>
  <context>
    <name>EscalateDialog</name>
    <message>
      <location filename="../../console/views/messages/escalate_dialog.py" line="36" />
      <source>Category</source>
      <translation>Kategori</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/escalate_dialog.py" line="28" />
      <source>Correspondence messages are not for acute matters. The escalation is routed like a call; call the municipal nurse back.</source>
      <translation>Korrespondancemeddelelser er ikke til akutte forhold. Eskaleringen fordeles som et opkald; ring den kommunale sygeplejerske op.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/escalate_dialog.py" line="27" />
      <source>Make an escalation of this message</source>
      <translation>Opret en eskalering fra denne meddelelse</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/escalate_dialog.py" line="39" />
      <source>Make escalation</source>
      <translation>Opret eskalering</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/escalate_dialog.py" line="35" />
      <source>Message</source>
      <translation>Meddelelse</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/escalate_dialog.py" line="37" />
      <source>Severity</source>
      <translation>Hastegrad</translation>
    </message>
  </context>
  <context>
    <name>Escalation</name>
    <message>
      <location filename="../../console/views/escalations/model.py" line="54" />
      <source>Advice given</source>
      <translation>Rådgivning givet</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="35" />
      <source>Clinical worsening</source>
      <translation>Klinisk forværring</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="36" />
      <source>Complication</source>
      <translation>Komplikation</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="57" />
      <source>Delivery created</source>
      <translation>Levering oprettet</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="37" />
      <source>IV access problem</source>
      <translation>Problem med IV-adgang</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="41" />
      <source>MBE support needed</source>
      <translation>MBE-støtte nødvendig</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="56" />
      <source>MBE visit created</source>
      <translation>MBE-besøg oprettet</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="38" />
      <source>Missing medicine</source>
      <translation>Manglende medicin</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="39" />
      <source>Missing supplies</source>
      <translation>Manglende utensilier</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="59" />
      <source>No action needed</source>
      <translation>Ingen handling nødvendig</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="42" />
      <source>Other</source>
      <translation>Andet</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="40" />
      <source>Procedure question</source>
      <translation>Spørgsmål om procedure</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="58" />
      <source>Readmitted to hospital</source>
      <translation>Genindlagt på hospital</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="55" />
      <source>Regimen changed</source>
      <translation>Ordination ændret</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="47" />
      <source>Routine</source>
      <translation>Rutine</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="46" />
      <source>Today</source>
      <translation>I dag</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="45" />
      <source>Urgent</source>
      <translation>Akut</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="50" />
      <source>e-doctor</source>
      <translation>e-læge</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="51" />
      <source>e-nurse</source>
      <translation>e-sygeplejerske</translation>
    </message>
  </context>
  <context>
    <name>EscalationDetail</name>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="227" />
      <source>(no text)</source>
      <translation>(ingen tekst)</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="198" />
      <source>Acknowledge</source>
      <translation>Kvittér</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="286" />
      <source>Acknowledged.</source>
      <translation>Kvitteret.</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="199" />
      <source>Add note…</source>
      <translation>Tilføj note…</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="244" />
      <source>Caller: {name} {phone}, {municipality}</source>
      <translation>Indringer: {name} {phone}, {municipality}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="238" />
      <source>Create MBE visit</source>
      <translation>Opret MBE-besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="200" />
      <source>Create delivery</source>
      <translation>Opret levering</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="297" />
      <source>Delivery #{n} requested.</source>
      <translation>Levering #{n} bestilt.</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="291" />
      <source>MBE visit #{n} created: it waits in the dispatcher's tray.</source>
      <translation>MBE-besøg #{n} oprettet: det venter på disponentens venteliste.</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="303" />
      <source>Note added.</source>
      <translation>Note tilføjet.</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="233" />
      <source>Order PVK placement</source>
      <translation>Bestil anlæggelse af PVK</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="252" />
      <source>Override: {reason}</source>
      <translation>Afvigelse: {reason}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="234" />
      <source>R-ACCESS: the MBE places a new PVK or re-inserts the access; registering the visit records the new access for the regimen and the handover</source>
      <translation>R-ACCESS: MBE anlægger en ny PVK eller genanlægger adgangen; når besøget registreres, noteres den nye adgang til ordinationen og overleveringen</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="239" />
      <source>R-MBE-SUPPORT: an MBE visit for this patient, into the dispatcher's tray</source>
      <translation>R-MBE-SUPPORT: et MBE-besøg til denne patient, på disponentens venteliste</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="247" />
      <source>Received {time} · routed to {who}</source>
      <translation>Modtaget {time} · sendt til {who}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="255" />
      <source>Resolved by {who}: {action} — {note}</source>
      <translation>Afsluttet af {who}: {action} — {note}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="309" />
      <source>Resolved.</source>
      <translation>Afsluttet.</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="201" />
      <source>Resolve…</source>
      <translation>Afslut…</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="218" />
      <source>Select an escalation to see it here.</source>
      <translation>Vælg en henvendelse for at se den her.</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="222" />
      <source>{severity} · {category} — {patient} ({cpr})</source>
      <translation>{severity} · {category} — {patient} ({cpr})</translation>
    </message>
  </context>
  <context>
    <name>EscalationStatusWidget</name>
    <message>
      <location filename="../../console/views/escalations/status.py" line="63" />
      <source> · {n} urgent not acknowledged</source>
      <translation> · akutte uden kvittering: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/status.py" line="60" />
      <source>Escalations: {open} open · {overdue} overdue</source>
      <translation>Henvendelser: {open} åbne · {overdue} overskredet</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/status.py" line="57" />
      <source>Escalations: …</source>
      <translation>Henvendelser: …</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/status.py" line="66" />
      <source>Open the escalation inbox</source>
      <translation>Åbn indbakken med henvendelser</translation>
    </message>
  </context>
  <context>
    <name>EscalationTableModel</name>
    <message>
      <location filename="../../console/views/escalations/model.py" line="158" />
      <source>Acknowledge</source>
      <translation>Kvittér</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="157" />
      <source>Caller</source>
      <translation>Indringer</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="157" />
      <source>Category</source>
      <translation>Kategori</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="159" />
      <source>Links</source>
      <translation>Links</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="156" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="156" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="155" />
      <source>Received</source>
      <translation>Modtaget</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="159" />
      <source>Resolve</source>
      <translation>Afslut</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="158" />
      <source>Routed to</source>
      <translation>Sendt til</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="155" />
      <source>Severity</source>
      <translation>Alvorlighed</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="231" />
      <location filename="../../console/views/escalations/model.py" line="234" />
      <source>Target {time}</source>
      <translation>Frist {time}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="93" />
      <source>ack in {d}</source>
      <translation>kvittér om {d}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="92" />
      <source>ack overdue {d}</source>
      <translation>kvittering {d} over tid</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="88" />
      <source>acked {time} {who}</source>
      <translation>kvitteret {time} {who}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="121" />
      <source>delivery #{n}</source>
      <translation>levering #{n}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="113" />
      <source>in {d}</source>
      <translation>om {d}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="227" />
      <source>override: {reason}</source>
      <translation>afvigelse: {reason}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="107" />
      <source>resolve in {d}</source>
      <translation>afslut om {d}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="106" />
      <source>resolve overdue {d}</source>
      <translation>afslutning {d} over tid</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="102" />
      <source>resolved {time}</source>
      <translation>afsluttet {time}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="119" />
      <source>visit #{n}</source>
      <translation>besøg #{n}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="112" />
      <source>{d} overdue</source>
      <translation>{d} over tid</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="101" />
      <source>✓ {time}</source>
      <translation>✓ {time}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/model.py" line="87" />
      <source>✓ {time} {who}</source>
      <translation>✓ {time} {who}</translation>
    </message>
  </context>
  <context>
    <name>EscalationsScreen</name>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="160" />
      <source>All (resolved greyed)</source>
      <translation>Alle (afsluttede nedtonet)</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="94" />
      <source>Could not load the escalations: {message}</source>
      <translation>Kunne ikke hente henvendelserne: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="93" />
      <location filename="../../console/views/registry.py" line="65" />
      <source>Escalations</source>
      <translation>Henvendelser</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="165" />
      <source>Log a call from a municipal nurse (Ctrl+L)</source>
      <translation>Registrér et opkald fra en kommunal sygeplejerske (Ctrl+L)</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="164" />
      <source>Log a call…</source>
      <translation>Registrér opkald…</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="166" />
      <source>Municipal directory…</source>
      <translation>Kommunal kontaktbog…</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="217" />
      <source>No escalations to show. Calls you log appear here.</source>
      <translation>Ingen henvendelser at vise. Opkald, du registrerer, vises her.</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="159" />
      <source>Open</source>
      <translation>Åbne</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="159" />
      <source>Overdue</source>
      <translation>Overskredet</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="167" />
      <source>Phones of each municipality's acute team and home nursing, and its 4x/day agreement</source>
      <translation>Telefonnumre til hver kommunes akutteam og hjemmesygepleje samt aftale om 4 gange dagligt</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="163" />
      <source>Show</source>
      <translation>Vis</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/screen.py" line="210" />
      <source>{open} open · {overdue} overdue</source>
      <translation>{open} åbne · {overdue} overskredet</translation>
    </message>
  </context>
  <context>
    <name>FailedDialog</name>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="51" />
      <source>Delivery failed</source>
      <translation>Levering mislykkedes</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="59" />
      <source>Mark failed</source>
      <translation>Markér mislykket</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="57" />
      <source>Reason (required), e.g. nobody home</source>
      <translation>Begrundelse (skal udfyldes), f.eks. ingen hjemme</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="55" />
      <source>Why did the delivery fail? A new delivery is requested for the same items.</source>
      <translation>Hvorfor mislykkedes leveringen? En ny levering bestilles med de samme varer.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="52" />
      <source>{patient}, {address} — {status}</source>
      <translation>{patient}, {address} — {status}</translation>
    </message>
  </context>
  <context>
    <name>GlassNote</name>
    <message>
      <location filename="../../console/views/patient/opening.py" line="60" />
      <source>Opened without a current role for this patient: the opening is logged with your reason and flagged for review. Open until {until}.</source>
      <translation>Åbnet uden aktuel relation til patienten: opslaget er logget med din begrundelse og markeret til gennemgang. Åben indtil {until}.</translation>
    </message>
  </context>
  <context>
    <name>IntakeDialog</name>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="111" />
      <source>As R-CONTACT routes</source>
      <translation>Som R-CONTACT sender den</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="121" />
      <source>Caller</source>
      <translation>Indringer</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="121" />
      <source>Caller's phone</source>
      <translation>Indringers telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="122" />
      <source>Category</source>
      <translation>Kategori</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="208" />
      <source>Choose a contact, or type the caller below</source>
      <translation>Vælg en kontakt, eller skriv indringeren nedenfor</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="203" />
      <source>Choose the patient or municipality first</source>
      <translation>Vælg først patient eller kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="120" />
      <source>From the directory</source>
      <translation>Fra kontaktbogen</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="66" />
      <source>Log a call</source>
      <translation>Registrér opkald</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="119" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="129" />
      <source>Name of the municipal nurse</source>
      <translation>Den kommunale sygeplejerskes navn</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="205" />
      <source>No contacts for {municipality}: type the caller below</source>
      <translation>Ingen kontakter i {municipality}: skriv indringeren nedenfor</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="282" />
      <source>Override: {who}, with the reason below</source>
      <translation>Afvigelse: {who}, med begrundelsen nedenfor</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="119" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="125" />
      <source>Reason</source>
      <translation>Begrundelse</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="124" />
      <source>Received</source>
      <translation>Modtaget</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="125" />
      <source>Route to</source>
      <translation>Send til</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="279" />
      <source>Routed to: {who} (R-CONTACT: {why})</source>
      <translation>Sendt til: {who} (R-CONTACT: {why})</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="266" />
      <source>Routed to: …</source>
      <translation>Sendt til: …</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="123" />
      <source>Severity</source>
      <translation>Alvorlighed</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="105" />
      <source>What the nurse said (Ctrl+Enter saves)</source>
      <translation>Hvad sygeplejersken sagde (Ctrl+Enter gemmer)</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="123" />
      <source>What was said</source>
      <translation>Hvad der blev sagt</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="113" />
      <source>Why route it elsewhere? (required)</source>
      <translation>Hvorfor sende den andetsteds hen? (skal udfyldes)</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="273" />
      <source>clinical calls go to the e-doctor, 24/7</source>
      <translation>kliniske opkald går til e-lægen, døgnet rundt</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="275" />
      <source>nurse question inside the e-nurse's hours {hours}</source>
      <translation>sygeplejefagligt spørgsmål inden for e-sygeplejerskens tid {hours}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/intake.py" line="277" />
      <source>outside the e-nurse's hours {hours}: the doctor on call</source>
      <translation>uden for e-sygeplejerskens tid {hours}: vagthavende læge</translation>
    </message>
  </context>
  <context>
    <name>LocalUserDialog</name>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="191" />
      <source>The embedded database is on this computer only; choose yourself so your work is signed with your initials.</source>
      <translation>Den indbyggede database findes kun på denne computer; vælg dig selv, så dit arbejde underskrives med dine initialer.</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="184" />
      <source>Who is at this desk?</source>
      <translation>Hvem sidder ved denne arbejdsplads?</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="53" />
      <source>admin</source>
      <translation>administrator</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="51" />
      <source>dispatcher</source>
      <translation>disponent</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="49" />
      <source>e-doctor</source>
      <translation>e-læge</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="50" />
      <source>e-nurse</source>
      <translation>e-sygeplejerske</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="52" />
      <source>logistics assistant</source>
      <translation>logistikassistent</translation>
    </message>
  </context>
  <context>
    <name>LogisticsDialogs</name>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="196" />
      <source>1 delivery requested.</source>
      <translation>1 levering bestilt.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="197" />
      <source>{n} deliveries requested.</source>
      <translation>{n} leveringer bestilt.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="199" />
      <source>{n} no longer needed one (planned meanwhile).</source>
      <translation>{n} behøvede ikke længere en (planlagt i mellemtiden).</translation>
    </message>
  </context>
  <context>
    <name>LogisticsModel</name>
    <message>
      <location filename="../../console/views/logistics/model.py" line="153" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="80" />
      <source>Accept</source>
      <translation>Acceptér</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="158" />
      <source>Courier</source>
      <translation>Bud</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/at_risk_model.py" line="49" />
      <source>Delivery planned</source>
      <translation>Levering planlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="83" />
      <location filename="../../console/views/logistics/model.py" line="156" />
      <source>Due by</source>
      <translation>Senest</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="159" />
      <source>ETA</source>
      <translation>Ankomst</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="162" />
      <source>Flags</source>
      <translation>Markeringer</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="103" />
      <source>IV box</source>
      <translation>IV-kasse</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/at_risk_model.py" line="46" />
      <source>Medicine</source>
      <translation>Medicin</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/at_risk_model.py" line="44" />
      <location filename="../../console/views/logistics/model.py" line="155" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="293" />
      <source>Packed before a regimen change: check the box against the current regimen before it goes out (sending it out clears the flag).</source>
      <translation>Pakket før en ordinationsændring: kontrollér kassen mod den aktuelle ordination, før den sendes ud (udsendelse fjerner markeringen).</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/at_risk_model.py" line="43" />
      <location filename="../../console/views/logistics/dialogs.py" line="81" />
      <location filename="../../console/views/logistics/model.py" line="154" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/at_risk_model.py" line="45" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/at_risk_model.py" line="47" />
      <location filename="../../console/views/logistics/dialogs.py" line="82" />
      <location filename="../../console/views/logistics/model.py" line="160" />
      <source>Runs out</source>
      <translation>Slipper op</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="157" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="296" />
      <source>The patient runs out before this delivery is due: bring it forward.</source>
      <translation>Patienten løber tør, før denne levering er planlagt: ryk den frem.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/at_risk_model.py" line="48" />
      <source>Time left</source>
      <translation>Tid tilbage</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="84" />
      <location filename="../../console/views/logistics/model.py" line="161" />
      <source>What to pack</source>
      <translation>Hvad der skal pakkes</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="236" />
      <source>covered</source>
      <translation>dækket</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/at_risk_model.py" line="92" />
      <source>none</source>
      <translation>ingen</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/at_risk_model.py" line="93" />
      <source>only {when} (too late)</source>
      <translation>først {when} (for sent)</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="116" />
      <source>ran out {h} h ago</source>
      <translation>tom i {h} t</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="103" />
      <source>{doses} + IV box</source>
      <translation>{doses} + IV-kasse</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="119" />
      <source>{h} h</source>
      <translation>{h} t</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="118" />
      <source>{m} min</source>
      <translation>{m} min</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="92" />
      <source>{n} × {item}</source>
      <translation>{n} × {item}</translation>
    </message>
  </context>
  <context>
    <name>LogisticsScreen</name>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="306" />
      <source>A new delivery #{n} is requested.</source>
      <translation>En ny levering #{n} er bestilt.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="160" />
      <source>All</source>
      <translation>Alle</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="232" />
      <source>All municipalities</source>
      <translation>Alle kommuner</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="81" />
      <source>Could not load the deliveries: {message}</source>
      <translation>Kunne ikke hente leveringerne: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="127" />
      <source>Could not print the run: {message}</source>
      <translation>Kunne ikke udskrive turen: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="196" />
      <source>Deliveries</source>
      <translation>Leveringer</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="203" />
      <source>Deliveries on {date}: {n}, {open} still open</source>
      <translation>Leveringer {date}: {n}, {open} stadig åbne</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="80" />
      <location filename="../../console/views/registry.py" line="63" />
      <source>Logistics</source>
      <translation>Logistik</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="159" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="213" />
      <source>No deliveries due on {date}. Deliveries due that day, and older ones still open, appear here.</source>
      <translation>Ingen leveringer {date}. Leveringer til den dag og ældre, der stadig er åbne, vises her.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="218" />
      <source>No deliveries match the filter.</source>
      <translation>Ingen leveringer passer til filteret.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="205" />
      <source>No deliveries on {date}</source>
      <translation>Ingen leveringer {date}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="160" />
      <source>Open (not delivered)</source>
      <translation>Åbne (ikke leveret)</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="355" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="361" />
      <source>Packing and run list written to {path}.</source>
      <translation>Pakke- og køreliste skrevet til {path}.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="166" />
      <source>Print packing and run list…</source>
      <translation>Udskriv pakke- og køreliste…</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="353" />
      <source>Print the packing and run list to PDF</source>
      <translation>Udskriv pakke- og kørelisten som PDF</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="163" />
      <source>Propose deliveries…</source>
      <translation>Foreslå leveringer…</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="164" />
      <source>R-SUPPLY: a delivery for every course that runs out before its end with none planned</source>
      <translation>R-SUPPLY: en levering til hvert forløb, der slipper op før slut uden planlagt levering</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="158" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/screen.py" line="303" />
      <source>{patient}: {status}.</source>
      <translation>{patient}: {status}.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../console/views/main_window.py" line="236" />
      <source>&amp;Admin</source>
      <translation>&amp;Administration</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" line="237" />
      <source>Audit trail…</source>
      <translation>Ændringslog…</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" line="238" />
      <source>Flagged accesses…</source>
      <translation>Markerede opslag…</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" line="240" />
      <source>Today</source>
      <translation>I dag</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" line="241" />
      <source>User: {initials}</source>
      <translation>Bruger: {initials}</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" line="239" />
      <source>Ward day</source>
      <translation>Dag</translation>
    </message>
    <message>
      <location filename="../../console/views/main_window.py" line="235" />
      <source>eWard Console</source>
      <translation>eWard Console</translation>
    </message>
  </context>
  <context>
    <name>MatchDialog</name>
    <message>
      <location filename="../../console/views/messages/match_dialog.py" line="65" />
      <source>Choose the patient whose course it is.</source>
      <translation>Vælg den patient, hvis forløb det er.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/match_dialog.py" line="41" />
      <source>Course</source>
      <translation>Forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/match_dialog.py" line="40" />
      <source>It names</source>
      <translation>Den nævner</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/match_dialog.py" line="43" />
      <source>Match</source>
      <translation>Knyt til forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/match_dialog.py" line="33" />
      <source>Match to a patient's course</source>
      <translation>Knyt til en patients forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/match_dialog.py" line="39" />
      <source>Message</source>
      <translation>Meddelelse</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/match_dialog.py" line="53" />
      <source>No patient can be read from the message.</source>
      <translation>Meddelelsen nævner ingen patient, der kan læses.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/match_dialog.py" line="35" />
      <source>Reading the message…</source>
      <translation>Læser meddelelsen…</translation>
    </message>
  </context>
  <context>
    <name>MessageDetail</name>
    <message>
      <location filename="../../console/views/messages/detail.py" line="33" />
      <source>Choose a message to read it whole, with the files it carries.</source>
      <translation>Vælg en meddelelse for at læse den hele, med de filer, den har med.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/detail.py" line="36" />
      <source>Files: {files}</source>
      <translation>Filer: {files}</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/detail.py" line="23" />
      <source>From {party}</source>
      <translation>Fra {party}</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/detail.py" line="25" />
      <source>To {party}</source>
      <translation>Til {party}</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/detail.py" line="26" />
      <source>by {author}</source>
      <translation>skrevet af {author}</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/detail.py" line="21" />
      <source>unknown party</source>
      <translation>ukendt part</translation>
    </message>
  </context>
  <context>
    <name>MessageFiles</name>
    <message>
      <location filename="../../console/views/common/message_files.py" line="34" />
      <source>{n} MB</source>
      <translation>{n} MB</translation>
    </message>
    <message>
      <location filename="../../console/views/common/message_files.py" line="33" />
      <source>{n} kB</source>
      <translation>{n} kB</translation>
    </message>
  </context>
  <context>
    <name>MessageRows</name>
    <message>
      <location filename="../../console/views/common/message_rows.py" line="52" />
      <source>Party</source>
      <translation>Part</translation>
    </message>
    <message>
      <location filename="../../console/views/common/message_rows.py" line="50" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/common/message_rows.py" line="55" />
      <source>State</source>
      <translation>Tilstand</translation>
    </message>
    <message>
      <location filename="../../console/views/common/message_rows.py" line="57" />
      <source>Text</source>
      <translation>Tekst</translation>
    </message>
    <message>
      <location filename="../../console/views/common/message_rows.py" line="54" />
      <source>Topic</source>
      <translation>Emne</translation>
    </message>
    <message>
      <location filename="../../console/views/common/message_rows.py" line="48" />
      <source>Way</source>
      <translation>Retning</translation>
    </message>
    <message>
      <location filename="../../console/views/common/message_rows.py" line="44" />
      <source>When</source>
      <translation>Tidspunkt</translation>
    </message>
  </context>
  <context>
    <name>MessagesScreen</name>
    <message>
      <location filename="../../console/views/messages/screen.py" line="99" />
      <source>All messages</source>
      <translation>Alle meddelelser</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="99" />
      <source>Drafts</source>
      <translation>Kladder</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="106" />
      <source>Escalate…</source>
      <translation>Eskalér…</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="216" />
      <source>Escalation #{n} logged: see the Escalations screen.</source>
      <translation>Eskalering #{n} oprettet: se Eskaleringer.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="211" />
      <source>Forwarded; an acknowledgement is awaited.</source>
      <translation>Videresendt; der ventes på kvittering.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="105" />
      <source>Forward…</source>
      <translation>Videresend…</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="107" />
      <source>Match to course…</source>
      <translation>Knyt til forløb…</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="222" />
      <source>Matched: the message is on the patient's course now.</source>
      <translation>Knyttet: meddelelsen ligger nu på patientens forløb.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="50" />
      <location filename="../../console/views/registry.py" line="70" />
      <source>Messages</source>
      <translation>Meddelelser</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="98" />
      <source>Needs attention</source>
      <translation>Kræver handling</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="101" />
      <source>Receive</source>
      <translation>Modtag</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="207" />
      <source>Reply sent.</source>
      <translation>Svar sendt.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="104" />
      <source>Reply…</source>
      <translation>Svar…</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="103" />
      <source>Resend</source>
      <translation>Send igen</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="242" />
      <source>Saved {path}; the save is in the access log.</source>
      <translation>Gemt i {path}; det er noteret i adgangsloggen.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="102" />
      <source>Send</source>
      <translation>Send</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="204" />
      <source>Sent again with a new envelope.</source>
      <translation>Sendt igen med ny kuvert.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="198" />
      <source>Sent; an acknowledgement is awaited.</source>
      <translation>Sendt; afventer kvittering.</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="109" />
      <source>The message names no patient of the ward: find the patient whose course it is (R-MESSAGE)</source>
      <translation>Meddelelsen nævner ingen af afdelingens patienter: find den patient, hvis forløb det er (R-MESSAGE)</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/screen.py" line="192" />
      <source>{n} message(s) received.</source>
      <translation>{n} meddelelse(r) modtaget.</translation>
    </message>
  </context>
  <context>
    <name>MonitoringPdf</name>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="109" />
      <source>Bed days</source>
      <translation>Sengedage</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="108" />
      <source>Bed days per month</source>
      <translation>Sengedage pr. måned</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="112" />
      <source>Capacity ({capacity} a day)</source>
      <translation>Kapacitet ({capacity} pr. dag)</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="100" />
      <location filename="../../console/reports/monitoring_pdf.py" line="141" />
      <source>Courses</source>
      <translation>Forløb</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="93" />
      <source>Courses started and ended per month</source>
      <translation>Påbegyndte og afsluttede forløb pr. måned</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="140" />
      <source>Days (admission and discharge day included)</source>
      <translation>Dage (indlæggelses- og udskrivelsesdag medregnet)</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="98" />
      <source>Ended</source>
      <translation>Afsluttet</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="86" />
      <source>Figure</source>
      <translation>Nøgletal</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="136" />
      <source>Length of stay (ended courses)</source>
      <translation>Indlæggelsestid (afsluttede forløb)</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="121" />
      <source>Municipalities</source>
      <translation>Kommuner</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="160" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="144" />
      <source>No course ended in the year.</source>
      <translation>Intet forløb afsluttet i året.</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="166" />
      <source>Nothing settled in the year.</source>
      <translation>Intet afregnet i året.</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="146" />
      <source>Outcomes</source>
      <translation>Udfald</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="119" />
      <location filename="../../console/reports/monitoring_pdf.py" line="158" />
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="117" />
      <source>Settlement per month (month of discharge)</source>
      <translation>Afregning pr. måned (udskrivelsesmåned)</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="153" />
      <source>Settlement per municipality</source>
      <translation>Afregning pr. kommune</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="96" />
      <source>Started</source>
      <translation>Påbegyndt</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="86" />
      <source>Value</source>
      <translation>Værdi</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="78" />
      <source>Yearly monitoring of IV home treatment {year}</source>
      <translation>Årlig monitorering af IV-hjemmebehandling {year}</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="179" />
      <source>Yearly monitoring {year} — {region}</source>
      <translation>Årlig monitorering {year} — {region}</translation>
    </message>
    <message>
      <location filename="../../console/reports/monitoring_pdf.py" line="80" />
      <source>{region} · generated {time}</source>
      <translation>{region} · dannet {time}</translation>
    </message>
  </context>
  <context>
    <name>MunicipalityEditDialog</name>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="66" />
      <source>Edit {municipality}</source>
      <translation>Redigér {municipality}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="69" />
      <source>Has agreed to 4 municipal administrations a day</source>
      <translation>Har aftalt 4 kommunale administrationer om dagen</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="68" />
      <source>Main number, e.g. 56 20 20 20</source>
      <translation>Hovednummer, f.eks. 56 20 20 20</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="75" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/directory_forms.py" line="71" />
      <source>R-FREQ: without the agreement, the municipality gives at most 3 administrations a day; the MBE gives a 4th.</source>
      <translation>R-FREQ: uden aftalen giver kommunen højst 3 administrationer om dagen; MBE giver den 4.</translation>
    </message>
  </context>
  <context>
    <name>NoteDialog</name>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="123" />
      <source>Add a note</source>
      <translation>Tilføj en note</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="124" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>OfflineBanner</name>
    <message>
      <location filename="../../console/views/common/offline.py" line="262" />
      <source>Ask the database again now</source>
      <translation>Spørg databasen igen nu</translation>
    </message>
    <message>
      <location filename="../../console/views/common/offline.py" line="266" />
      <source>Offline since {time} — retrying every {seconds} s. What is on screen is kept; changes cannot be saved until the database answers.</source>
      <translation>Offline siden {time} — prøver igen hvert {seconds}. sekund. Det viste bevares; ændringer kan ikke gemmes, før databasen svarer.</translation>
    </message>
    <message>
      <location filename="../../console/views/common/offline.py" line="261" />
      <source>Try now</source>
      <translation>Prøv nu</translation>
    </message>
  </context>
  <context>
    <name>OrderTaskDialog</name>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="48" />
      <source>Day</source>
      <translation>Dag</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="49" />
      <source>From</source>
      <translation>Fra</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="51" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="53" />
      <source>Order</source>
      <translation>Bestil</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="34" />
      <source>Order an MBE task for {name}</source>
      <translation>Bestil en MBE-opgave til {name}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="47" />
      <source>Task</source>
      <translation>Opgave</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="50" />
      <source>To</source>
      <translation>Til</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="44" />
      <source>What the crew should know (optional)</source>
      <translation>Hvad besætningen skal vide (valgfrit)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="61" />
      <source>none beyond the MBE's own</source>
      <translation>ingen ud over MBE's egne</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="64" />
      <source>the crew's observations</source>
      <translation>besætningens observationer</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="62" />
      <source>the lab results ({analyses})</source>
      <translation>prøvesvarene ({analyses})</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="63" />
      <source>the new IV access (R-ACCESS)</source>
      <translation>den nye IV-adgang (R-ACCESS)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/order_task_dialog.py" line="66" />
      <source>{minutes} minutes in the home. Competence the crew needs: {needs}. Its registration records {records}. The visit goes to the dispatcher's tray.</source>
      <translation>{minutes} minutter i hjemmet. Kompetence besætningen skal have: {needs}. Registreringen af besøget dokumenterer {records}. Besøget kommer på disponentens venteliste.</translation>
    </message>
  </context>
  <context>
    <name>OverdueStatusWidget</name>
    <message>
      <location filename="../../console/views/census/overdue_status.py" line="49" />
      <source>; the oldest ended {at}</source>
      <translation>; det ældste sluttede {at}</translation>
    </message>
    <message>
      <location filename="../../console/views/census/overdue_status.py" line="40" />
      <source>Overdue visits: 0</source>
      <translation>Overskredne besøg: 0</translation>
    </message>
    <message>
      <location filename="../../console/views/census/overdue_status.py" line="42" />
      <source>Overdue visits: {n} ({p} patients)</source>
      <translation>Overskredne besøg: {n} ({p} patienter)</translation>
    </message>
    <message>
      <location filename="../../console/views/census/overdue_status.py" line="37" />
      <source>Overdue visits: …</source>
      <translation>Overskredne besøg: …</translation>
    </message>
    <message>
      <location filename="../../console/views/census/overdue_status.py" line="44" />
      <source>Planned visits whose window closed more than {grace} min ago without a registration (R-REGISTER){oldest}. Register each done or missed in the record; click for the census.</source>
      <translation>Planlagte besøg hvis tidsvindue lukkede for mere end {grace} min siden uden registrering (R-REGISTER){oldest}. Registrér hvert som udført eller ikke udført i journalen; klik for belægningen.</translation>
    </message>
  </context>
  <context>
    <name>Packing</name>
    <message>
      <location filename="../../console/views/logistics/model.py" line="60" />
      <source>10 ml NaCl flushes</source>
      <translation>10 ml NaCl-skylninger</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="62" />
      <source>IV access supplies</source>
      <translation>Utensilier til IV-adgang</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="59" />
      <source>infusion sets</source>
      <translation>infusionssæt</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="63" />
      <source>patient information</source>
      <translation>patientinformation</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/model.py" line="61" />
      <source>sharps box</source>
      <translation>kanyleboks</translation>
    </message>
  </context>
  <context>
    <name>PaintedBoard</name>
    <message>
      <location filename="../../console/views/dispatch/board_paint.py" line="334" />
      <source>Break</source>
      <translation>Pause</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board_paint.py" line="210" />
      <source>No cars in this base and shift.</source>
      <translation>Ingen biler på denne base og vagt.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board_paint.py" line="299" />
      <source>no crew</source>
      <translation>ingen besætning</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board_paint.py" line="256" />
      <location filename="../../console/views/dispatch/board_paint.py" line="294" />
      <source>out of service</source>
      <translation>ude af drift</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board_paint.py" line="228" />
      <source>{base} · {shift} shift</source>
      <translation>{base} · {shift}vagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/board_paint.py" line="292" />
      <source>{stops} · {m} min</source>
      <translation>{stops} · {m} min</translation>
    </message>
  </context>
  <context>
    <name>PatientHeader</name>
    <message>
      <location filename="../../console/views/patient/header.py" line="124" />
      <source>24/7 contact</source>
      <translation>Døgntelefon</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="122" />
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="121" />
      <source>Age</source>
      <translation>Alder</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="121" />
      <source>CPR</source>
      <translation>CPR</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="123" />
      <source>Condition</source>
      <translation>Diagnose</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="126" />
      <source>Course tariff</source>
      <translation>Forløbstakst</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="142" />
      <source>Day {day}</source>
      <translation>Dag {day}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="143" />
      <source>Day {day} of {total}</source>
      <translation>Dag {day} af {total}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="122" />
      <source>GP</source>
      <translation>Egen læge</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="196" />
      <source>Handover to the municipality: {n} missing</source>
      <translation>Overlevering til kommunen: {n} mangler</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="190" />
      <source>Hide</source>
      <translation>Skjul</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="121" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="122" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="125" />
      <source>Planned end</source>
      <translation>Planlagt slut</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="125" />
      <source>Provider</source>
      <translation>Udfører</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="123" />
      <source>Relatives</source>
      <translation>Pårørende</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="124" />
      <source>Responsible doctor</source>
      <translation>Ansvarlig læge</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="190" />
      <source>Show</source>
      <translation>Vis</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="130" />
      <source>Show the full CPR number (opening the record was logged)</source>
      <translation>Vis det fulde CPR-nummer (åbningen af journalen er logget)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="152" />
      <source>The map position is the municipality's, not the home's</source>
      <translation>Kortpositionen er kommunens, ikke hjemmets</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="202" />
      <source>Treatment plan, diagnosis, planned end, IV access, doctor, 24/7 phone and medication list are all recorded (R-HANDOVER).</source>
      <translation>Behandlingsplan, diagnose, planlagt slut, IV-adgang, læge, døgntelefon og medicinliste er alle registreret (R-HANDOVER).</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="161" />
      <location filename="../../console/views/patient/header.py" line="162" />
      <location filename="../../console/views/patient/header.py" line="167" />
      <source>not set</source>
      <translation>ikke angivet</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="150" />
      <source>{address} (approximate location)</source>
      <translation>{address} (omtrentlig placering)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="145" />
      <source>{age} years</source>
      <translation>{age} år</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="175" />
      <source>{status} {when} · {outcome}</source>
      <translation>{status} {when} · {outcome}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/header.py" line="201" />
      <source>✓ Handover complete</source>
      <translation>✓ Overlevering komplet</translation>
    </message>
  </context>
  <context>
    <name>PatientLabels</name>
    <message>
      <location filename="../../console/views/common/labels.py" line="183" />
      <source>24/7 phone number</source>
      <translation>døgntelefonnummer</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="131" />
      <source>Adjust regimen</source>
      <translation>Justér ordination</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="126" />
      <source>Admitted</source>
      <translation>Indlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="102" />
      <source>Antibiotic</source>
      <translation>Antibiotika</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="67" />
      <source>Assessment</source>
      <translation>Vurdering</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="71" />
      <source>Assessment visit</source>
      <translation>Vurderingsbesøg</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="80" />
      <source>Bedside blood tests: salts, kidney and infection values</source>
      <translation>Blodprøver POCT: salte, nyretal og infektionstal</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="82" />
      <source>Blood cultures</source>
      <translation>Bloddyrkning</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="65" />
      <source>Blood sample (CRP)</source>
      <translation>Blodprøve (CRP)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="108" />
      <source>CADD pump</source>
      <translation>CADD-pumpe</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="113" />
      <source>CVK (central)</source>
      <translation>CVK (central)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="188" />
      <source>Clinical worsening</source>
      <translation>Klinisk forværring</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="106" />
      <source>Codan-mix Add set</source>
      <translation>Codan-mix Add-sæt</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="189" />
      <source>Complication</source>
      <translation>Komplikation</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="130" />
      <source>Continue IV at home</source>
      <translation>Fortsæt IV i hjemmet</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="119" />
      <source>Course completed</source>
      <translation>Forløb gennemført</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="79" />
      <source>Cultures for clinical microbiology</source>
      <translation>Dyrkninger til klinisk mikrobiologi</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="68" />
      <source>Delivery</source>
      <translation>Levering</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="134" />
      <source>Discharge</source>
      <translation>Udskrivelse</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="127" />
      <source>Discharged</source>
      <translation>Udskrevet</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="109" />
      <source>DivibaX transfer needle</source>
      <translation>DivibaX-overførselskanyle</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="81" />
      <source>Drug level to the laboratory (S-vancomycin, S-gentamicin)</source>
      <translation>Blodprøve til laboratoriet: S-Vanco, S-Genta</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="107" />
      <source>Elastomeric pump</source>
      <translation>Elastomerpumpe</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="63" />
      <source>First visit</source>
      <translation>Første besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="103" />
      <source>Fluid</source>
      <translation>Væske</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="93" />
      <source>Home</source>
      <translation>Hjemmet</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="181" />
      <source>IV access and when to remove it</source>
      <translation>IV-adgang og hvornår den skal fjernes</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="190" />
      <source>IV access problem</source>
      <translation>Problem med IV-adgang</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="64" />
      <source>IV dose</source>
      <translation>IV-dosis</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="73" />
      <source>IV treatment in a PICC, CVK or port</source>
      <translation>IV-behandling i PICC/CVK/port</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="99" />
      <source>MBE</source>
      <translation>MBE</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="194" />
      <source>MBE support</source>
      <translation>MBE-støtte</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="115" />
      <source>Midline</source>
      <translation>Midline</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="191" />
      <source>Missing medicine</source>
      <translation>Manglende medicin</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="192" />
      <source>Missing supplies</source>
      <translation>Manglende utensilier</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="94" />
      <source>Municipal acute bed</source>
      <translation>Kommunal akutplads</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="98" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="76" />
      <source>Nasal tube placement</source>
      <translation>Anlæggelse af nasalsonde</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="95" />
      <source>Nursing clinic</source>
      <translation>Sygeplejeklinik</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="122" />
      <location filename="../../console/views/common/labels.py" line="195" />
      <source>Other</source>
      <translation>Andet</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="114" />
      <source>PICC line</source>
      <translation>PICC-line</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="112" />
      <source>PVK (peripheral)</source>
      <translation>PVK (perifer)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="83" />
      <source>PVK placement (new or re-inserted access)</source>
      <translation>Anlæggelse af PVK</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="75" />
      <source>Port-a-neb inhalation and oxygen</source>
      <translation>Port a neb-inhalation og ilt</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="193" />
      <source>Procedure question</source>
      <translation>Spørgsmål om procedure</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="133" />
      <source>Readmit</source>
      <translation>Genindlæg</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="121" />
      <source>Readmitted to hospital</source>
      <translation>Genindlagt på hospital</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="125" />
      <source>Referred</source>
      <translation>Henvist</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="74" />
      <source>Start of pump treatment</source>
      <translation>Opstart af pumpebehandling</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="72" />
      <source>Start of treatment at home (IV, tablets or airway)</source>
      <translation>Opstart af behandling i hjemmet (IV, tablet eller luftvej)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="66" />
      <source>Support</source>
      <translation>Støttebesøg</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="132" />
      <source>Switch to tablets</source>
      <translation>Skift til tabletter</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="120" />
      <source>Switched to tablets</source>
      <translation>Skiftet til tabletter</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="77" />
      <source>Urinary catheter placement</source>
      <translation>KAD-anlæggelse</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="78" />
      <source>Urine stix (urine to the laboratory if needed)</source>
      <translation>Urinstiks (evt. urin til D+R)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="116" />
      <source>VIP / Port-a-cath</source>
      <translation>VIP / Port-a-cath</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="147" />
      <location filename="../../console/views/common/labels.py" line="173" />
      <source>acknowledged</source>
      <translation>kvitteret</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="158" />
      <source>acknowledgement</source>
      <translation>kvittering</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="151" />
      <source>answered</source>
      <translation>besvaret</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="89" />
      <location filename="../../console/views/common/labels.py" line="142" />
      <source>cancelled</source>
      <translation>annulleret</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="156" />
      <source>correspondence</source>
      <translation>korrespondance</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="140" />
      <source>delivered</source>
      <translation>leveret</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="179" />
      <source>diagnosis / reason for admission</source>
      <translation>diagnose / indlæggelsesårsag</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="87" />
      <source>done</source>
      <translation>udført</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="145" />
      <source>drafted</source>
      <translation>kladde</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="180" />
      <source>duration and planned end</source>
      <translation>varighed og planlagt slut</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="141" />
      <location filename="../../console/views/common/labels.py" line="149" />
      <source>failed</source>
      <translation>mislykket</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="157" />
      <source>hospital notification</source>
      <translation>advis</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="185" />
      <source>hospital notification (advis)</source>
      <translation>advis fra EPJ (indlæggelsesadvis)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="88" />
      <source>missed</source>
      <translation>misset</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="152" />
      <source>no acknowledgement</source>
      <translation>ingen kvittering</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="153" />
      <source>no course</source>
      <translation>intet forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="172" />
      <source>open</source>
      <translation>åben</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="139" />
      <source>out for delivery</source>
      <translation>undervejs</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="90" />
      <source>overdue</source>
      <translation>overskredet</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="138" />
      <source>packed</source>
      <translation>pakket</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="86" />
      <location filename="../../console/views/common/labels.py" line="162" />
      <source>planned</source>
      <translation>planlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="163" />
      <source>ready</source>
      <translation>klar</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="150" />
      <source>received</source>
      <translation>modtaget</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="148" />
      <source>rejected</source>
      <translation>afvist</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="137" />
      <source>requested</source>
      <translation>bestilt</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="174" />
      <source>resolved</source>
      <translation>afsluttet</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="182" />
      <source>responsible doctor</source>
      <translation>behandlingsansvarlig læge</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="169" />
      <source>routine</source>
      <translation>rutine</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="146" />
      <source>sent</source>
      <translation>sendt</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="164" />
      <source>signed</source>
      <translation>underskrevet</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="168" />
      <source>today</source>
      <translation>i dag</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="178" />
      <source>treatment plan (regimen)</source>
      <translation>behandlingsplan (ordination)</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="159" />
      <source>unreadable message</source>
      <translation>ulæselig meddelelse</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="184" />
      <source>updated medication list</source>
      <translation>opdateret medicinliste</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="167" />
      <source>urgent</source>
      <translation>akut</translation>
    </message>
  </context>
  <context>
    <name>PatientPicker</name>
    <message>
      <location filename="../../console/views/common/patient_picker.py" line="95" />
      <source>Chosen: {name} ({cpr}), {municipality}</source>
      <translation>Valgt: {name} ({cpr}), {municipality}</translation>
    </message>
    <message>
      <location filename="../../console/views/common/patient_picker.py" line="61" />
      <source>Name, CPR or phone</source>
      <translation>Navn, CPR eller telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/common/patient_picker.py" line="92" />
      <source>No patient chosen yet</source>
      <translation>Ingen patient valgt endnu</translation>
    </message>
  </context>
  <context>
    <name>PatientScreen</name>
    <message>
      <location filename="../../console/views/patient/screen.py" line="172" />
      <source>A PDF of the record; the print is logged</source>
      <translation>En PDF af journalen; udskriften logges</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="167" />
      <source>A PVK, blood samples, a culture… by the MBE; the visit goes to the dispatcher (R-MBE-TASKS)</source>
      <translation>En PVK, blodprøver, en dyrkning… ved MBE; besøget går til disponenten (R-MBE-TASKS)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="169" />
      <source>A delivery of what the home will lack, due before it runs out (R-SUPPLY)</source>
      <translation>En levering af det, hjemmet vil mangle, før det slipper op (R-SUPPLY)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="173" />
      <source>Access log…</source>
      <translation>Adgangslog…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="163" />
      <source>Change regimen…</source>
      <translation>Ændr ordination…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="160" />
      <source>Choose a patient in the census.</source>
      <translation>Vælg en patient i belægningen.</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="75" />
      <source>Could not open the record: {message}</source>
      <translation>Kunne ikke åbne journalen: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="164" />
      <source>Discharge…</source>
      <translation>Afslut indlæggelse…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="166" />
      <source>Order MBE task…</source>
      <translation>Bestil MBE-opgave…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="165" />
      <source>Order delivery</source>
      <translation>Bestil levering</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="74" />
      <location filename="../../console/views/registry.py" line="52" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="171" />
      <source>Print record…</source>
      <translation>Udskriv journal…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="305" />
      <source>Print the record to PDF</source>
      <translation>Udskriv journalen som PDF</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="175" />
      <source>Regimen</source>
      <translation>Ordination</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="161" />
      <source>Register done…</source>
      <translation>Registrér udført…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="162" />
      <source>Register missed…</source>
      <translation>Registrér misset…</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="176" />
      <source>Visits</source>
      <translation>Besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/screen.py" line="174" />
      <source>Who opened, printed or exported this record</source>
      <translation>Hvem har åbnet, printet eller eksporteret denne journal</translation>
    </message>
  </context>
  <context>
    <name>PatientTables</name>
    <message>
      <location filename="../../console/views/patient/tables.py" line="172" />
      <source>Access</source>
      <translation>Adgang</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="137" />
      <source>Analysis</source>
      <translation>Analyse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="93" />
      <source>Blood culture</source>
      <translation>Bloddyrkning</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="174" />
      <source>By</source>
      <translation>Af</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="85" />
      <source>CRP</source>
      <translation>CRP</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="188" />
      <source>Category</source>
      <translation>Kategori</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="164" />
      <source>Contents</source>
      <translation>Indhold</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="88" />
      <source>Creatinine</source>
      <translation>Kreatinin</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="148" />
      <source>Date</source>
      <translation>Dato</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="162" />
      <source>Days</source>
      <translation>Dage</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="150" />
      <source>Decision</source>
      <translation>Beslutning</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="74" />
      <source>Dose times</source>
      <translation>Tider</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="69" />
      <source>Drug / fluid</source>
      <translation>Præparat</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="70" />
      <source>Drug level</source>
      <translation>Koncentration</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="158" />
      <source>Due by</source>
      <translation>Senest</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="178" />
      <source>Ended</source>
      <translation>Ophørt</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="77" />
      <source>IV access (remove by)</source>
      <translation>IV-adgang (fjernes)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="67" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="90" />
      <source>Leukocytes</source>
      <translation>Leukocytter</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="153" />
      <source>Note</source>
      <translation>Notat</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="107" />
      <source>Outside the reference interval</source>
      <translation>Uden for referenceintervallet</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="72" />
      <source>Per day</source>
      <translation>Pr. døgn</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="79" />
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="170" />
      <source>Placed</source>
      <translation>Anlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="87" />
      <source>Potassium</source>
      <translation>Kalium</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="186" />
      <source>Received</source>
      <translation>Modtaget</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="142" />
      <source>Reference</source>
      <translation>Referenceinterval</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="176" />
      <source>Remove by</source>
      <translation>Fjernes senest</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="92" />
      <source>S-gentamicin (trough)</source>
      <translation>S-gentamicin (dal)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="91" />
      <source>S-vancomycin (trough)</source>
      <translation>S-vancomycin (dal)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="190" />
      <source>Severity</source>
      <translation>Alvorlighed</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="152" />
      <source>Signed by</source>
      <translation>Underskrevet af</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="86" />
      <source>Sodium</source>
      <translation>Natrium</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="192" />
      <source>State</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="160" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="75" />
      <source>System</source>
      <translation>System</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="135" />
      <source>Taken</source>
      <translation>Taget</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="194" />
      <source>Text</source>
      <translation>Tekst</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="94" />
      <source>Urine stix</source>
      <translation>Urinstix</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="138" />
      <source>Value</source>
      <translation>Værdi</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="101" />
      <source>blood</source>
      <translation>blod</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="168" />
      <source>current</source>
      <translation>nuværende</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="89" />
      <source>eGFR</source>
      <translation>eGFR</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="103" />
      <source>glucose</source>
      <translation>glukose</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="99" />
      <source>leukocytes</source>
      <translation>leukocytter</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="97" />
      <source>negative</source>
      <translation>negativ</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="100" />
      <source>nitrite</source>
      <translation>nitrit</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="46" />
      <source>none taken yet</source>
      <translation>ikke taget endnu</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="98" />
      <source>positive</source>
      <translation>positiv</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/tables.py" line="102" />
      <source>protein</source>
      <translation>protein</translation>
    </message>
  </context>
  <context>
    <name>PlanDialog</name>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="149" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="148" />
      <source>&amp;Time limit</source>
      <translation>&amp;Tidsgrænse</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="155" />
      <source>Accept plan</source>
      <translation>Acceptér plan</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="237" />
      <source>Against the routes now: {moved} visits change car, {timed} only their time; cars freed: {freed}</source>
      <translation>I forhold til ruterne nu: {moved} besøg skifter bil, {timed} kun tidspunkt; biler frigjort: {freed}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="142" />
      <source>Auto-plan MBE visits</source>
      <translation>Planlæg MBE-besøg automatisk</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="45" />
      <source>Back at base</source>
      <translation>Tilbage på basen</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="43" />
      <source>Base and shift</source>
      <translation>Base og vagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="46" />
      <source>Break</source>
      <translation>Pause</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="154" />
      <source>Cancel planning</source>
      <translation>Afbryd planlægning</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="242" />
      <source>Cancelled after {s:.1f} s: this is the best plan found so far.</source>
      <translation>Afbrudt efter {s:.1f} s: dette er den bedste plan fundet indtil nu.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="205" />
      <source>Cancelling… keeping the best plan so far.</source>
      <translation>Afbryder… beholder den bedste plan indtil nu.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="43" />
      <source>Car</source>
      <translation>Bil</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="100" />
      <source>Car in the plan</source>
      <translation>Bil i planen</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="99" />
      <source>Car now</source>
      <translation>Bil nu</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="159" />
      <source>Changes against the routes now: {n}</source>
      <translation>Ændringer i forhold til ruterne nu: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="157" />
      <source>Could not be placed: {n}</source>
      <translation>Kunne ikke placeres: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="252" />
      <source>Could not plan: {message}</source>
      <translation>Kunne ikke planlægge: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="156" />
      <source>Discard</source>
      <translation>Kassér</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="45" />
      <source>Distance</source>
      <translation>Afstand</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="44" />
      <source>Driving</source>
      <translation>Kørsel</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="150" />
      <source>How long the planner searches before it stops with the best plan found</source>
      <translation>Hvor længe planlæggeren søger, før den stopper med den bedste plan fundet</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="74" />
      <location filename="../../console/views/dispatch/plan_tables.py" line="99" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="153" />
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="152" />
      <source>Plan again</source>
      <translation>Planlæg igen</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="279" />
      <source>Plan saved: {n} visits on {cars} cars.</source>
      <translation>Plan gemt: {n} besøg på {cars} biler.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="244" />
      <source>Planned in {s:.1f} s.</source>
      <translation>Planlagt på {s:.1f} s.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="44" />
      <source>Stops</source>
      <translation>Stop</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="297" />
      <source>The board changed since this plan was made ({change}). Nothing was saved: plan again to include the change.</source>
      <translation>Tavlen er ændret, siden planen blev lavet ({change}). Intet er gemt: planlæg igen for at få ændringen med.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="101" />
      <source>Time in the plan</source>
      <translation>Tid i planen</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="100" />
      <source>Time now</source>
      <translation>Tid nu</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="75" />
      <source>Why not placed</source>
      <translation>Hvorfor ikke placeret</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="74" />
      <source>Window</source>
      <translation>Tidsvindue</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="143" />
      <source>all bases</source>
      <translation>alle baser</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="145" />
      <source>day and evening shifts</source>
      <translation>dag- og aftenvagter</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="211" />
      <source>planning… {s:.1f} s, {n} placed</source>
      <translation>planlægger… {s:.1f} s, {n} placeret</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="146" />
      <source>{date}: {where}, {which}</source>
      <translation>{date}: {where}, {which}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="283" />
      <source>{k} could not be placed: the tray says why.</source>
      <translation>{k} kunne ikke placeres: ventelisten viser hvorfor.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="233" />
      <source>{placed} visits on {cars} cars · {h} h {m} min driving · {km:.0f} km · {left} could not be placed</source>
      <translation>{placed} besøg på {cars} biler · {h} t {m} min kørsel · {km:.0f} km · {left} kunne ikke placeres</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_dialog.py" line="144" />
      <source>{shift} shift</source>
      <translation>{shift}vagt</translation>
    </message>
  </context>
  <context>
    <name>PlanMovesModel</name>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="108" />
      <source>tray</source>
      <translation>venteliste</translation>
    </message>
  </context>
  <context>
    <name>PlanRoutesModel</name>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="62" />
      <source> (pinned)</source>
      <translation> (fastlåst)</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="55" />
      <source>{km:.1f} km</source>
      <translation>{km:.1f} km</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="54" />
      <source>{m} min</source>
      <translation>{m} min</translation>
    </message>
  </context>
  <context>
    <name>ProposeDialog</name>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="156" />
      <source>Accept ticked</source>
      <translation>Acceptér afkrydsede</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="143" />
      <source>Courses whose medicine runs out before their planned end and have no delivery planned (R-SUPPLY). Untick any you do not want, then accept.</source>
      <translation>Forløb, hvis medicin slipper op før planlagt slut, og som ingen levering har planlagt (R-SUPPLY). Fjern fluebenet ved dem, du ikke ønsker, og acceptér.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="171" />
      <source>No proposals: every course's medicine lasts to its end or a delivery is already planned.</source>
      <translation>Ingen forslag: hvert forløbs medicin rækker til slut, eller en levering er allerede planlagt.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/dialogs.py" line="141" />
      <source>Propose deliveries</source>
      <translation>Foreslå leveringer</translation>
    </message>
  </context>
  <context>
    <name>PurposeDialog</name>
    <message>
      <location filename="../../console/views/patient/opening.py" line="31" />
      <source>E.g. the municipal nurse called about a patient discharged last month</source>
      <translation>F.eks. kommunens sygeplejerske ringede om en patient, der blev udskrevet sidste måned</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/opening.py" line="33" />
      <source>Open the record</source>
      <translation>Åbn journalen</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/opening.py" line="29" />
      <source>Purpose of opening the record</source>
      <translation>Formål med at åbne journalen</translation>
    </message>
  </context>
  <context>
    <name>RecordPdf</name>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="59" />
      <source>24/7 phone</source>
      <translation>Døgntelefon</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="55" />
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="55" />
      <source>Age</source>
      <translation>Alder</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="89" />
      <source>Analysis</source>
      <translation>Analyse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="55" />
      <source>CPR</source>
      <translation>CPR</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="58" />
      <source>Condition</source>
      <translation>Diagnose</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="94" />
      <source>Date</source>
      <translation>Dato</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="60" />
      <source>Day of course</source>
      <translation>Forløbsdag</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="94" />
      <source>Decision</source>
      <translation>Beslutning</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="75" />
      <source>Dose times</source>
      <translation>Doseringstider</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="75" />
      <source>Drug / fluid</source>
      <translation>Lægemiddel / væske</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="57" />
      <source>GP</source>
      <translation>Egen læge</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="71" />
      <source>Handover still missing: </source>
      <translation>Overlevering mangler stadig: </translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="76" />
      <source>IV access</source>
      <translation>IV-adgang</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="68" />
      <source>Item</source>
      <translation>Vare</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="75" />
      <location filename="../../console/views/patient/record_print.py" line="82" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="88" />
      <source>Lab results</source>
      <translation>Laboratoriesvar</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="56" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="94" />
      <source>Note</source>
      <translation>Notat</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="82" />
      <source>Notes</source>
      <translation>Noter</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="75" />
      <source>Per day</source>
      <translation>Pr. døgn</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="76" />
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="56" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="61" />
      <source>Planned end</source>
      <translation>Planlagt slut</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="65" />
      <source>Printed {when} · eHospital record, confidential</source>
      <translation>Printet {when} · eHospitalets journal, fortrolig</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="59" />
      <location filename="../../console/views/patient/record_print.py" line="82" />
      <source>Provider</source>
      <translation>Udfører</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="73" />
      <source>Regimen</source>
      <translation>Ordinationer</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="57" />
      <source>Relatives</source>
      <translation>Pårørende</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="58" />
      <source>Responsible doctor</source>
      <translation>Behandlingsansvarlig læge</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="94" />
      <source>Signed by</source>
      <translation>Underskrevet af</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="82" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="75" />
      <source>System</source>
      <translation>System</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="89" />
      <source>Taken</source>
      <translation>Taget</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="68" />
      <location filename="../../console/views/patient/record_print.py" line="89" />
      <source>Value</source>
      <translation>Værdi</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="80" />
      <source>Visits</source>
      <translation>Besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="93" />
      <source>Ward rounds</source>
      <translation>Stuegange</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="82" />
      <source>When</source>
      <translation>Hvornår</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="82" />
      <source>Who</source>
      <translation>Hvem</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/record_print.py" line="102" />
      <source>eHospital record — {name}</source>
      <translation>eHospitalets journal — {name}</translation>
    </message>
  </context>
  <context>
    <name>RecordSidePanel</name>
    <message>
      <location filename="../../console/views/patient/side_panel.py" line="147" />
      <source>Deliveries ({n})</source>
      <translation>Leveringer ({n})</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/side_panel.py" line="147" />
      <source>Escalations ({n})</source>
      <translation>Henv. ({n})</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/side_panel.py" line="146" />
      <source>IV access ({n})</source>
      <translation>IV-adgang ({n})</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/side_panel.py" line="146" />
      <source>Labs ({n})</source>
      <translation>Svar ({n})</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/side_panel.py" line="148" />
      <source>Messages ({n})</source>
      <translation>Meddelelser ({n})</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/side_panel.py" line="138" />
      <source>No CRP results yet</source>
      <translation>Ingen CRP-svar endnu</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/side_panel.py" line="146" />
      <source>Rounds ({n})</source>
      <translation>Stuegang ({n})</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/side_panel.py" line="137" />
      <source>Trend</source>
      <translation>Udvikling</translation>
    </message>
  </context>
  <context>
    <name>ReferralIntakeDialog</name>
    <message>
      <location filename="../../console/views/referrals/intake_dialog.py" line="61" />
      <source>Admission planned at</source>
      <translation>Planlagt indlæggelse</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/intake_dialog.py" line="106" />
      <source>For the visitation to settle (R-ELIGIBLE):</source>
      <translation>Afklares ved visitationen (R-ELIGIBLE):</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/intake_dialog.py" line="59" />
      <source>Referred from</source>
      <translation>Henvist fra</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/intake_dialog.py" line="60" />
      <source>Referrer</source>
      <translation>Henviser</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/intake_dialog.py" line="49" />
      <source>Take in</source>
      <translation>Modtag</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/intake_dialog.py" line="48" />
      <source>Take in a referral</source>
      <translation>Modtag en henvisning</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/intake_dialog.py" line="52" />
      <source>The referral waits as "referred" for the e-doctor's visitation.</source>
      <translation>Henvisningen venter som "henvist" på e-lægens visitation.</translation>
    </message>
  </context>
  <context>
    <name>ReferralsScreen</name>
    <message>
      <location filename="../../console/views/referrals/model.py" line="24" />
      <source>Admitted</source>
      <translation>Indlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="20" />
      <source>COPD pre-care team</source>
      <translation>Pre care KOL</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="55" />
      <source>Condition</source>
      <translation>Tilstand</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/screen.py" line="45" />
      <source>Could not load the referrals: {message}</source>
      <translation>Kunne ikke hente henvisningerne: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="25" />
      <source>Declined</source>
      <translation>Afvist</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="50" />
      <source>From</source>
      <translation>Fra</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="18" />
      <source>GP</source>
      <translation>Egen læge</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="17" />
      <source>Hospital department</source>
      <translation>Hospitalsafdeling</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/screen.py" line="162" />
      <source>Judgement saved.</source>
      <translation>Vurderingen er gemt.</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="54" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="19" />
      <source>Out-of-hours GP</source>
      <translation>Vagtlæge</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="52" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="45" />
      <source>Received</source>
      <translation>Modtaget</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/screen.py" line="199" />
      <source>Referral admitted.</source>
      <translation>Patienten er indlagt fra henvisningen.</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/screen.py" line="169" />
      <source>Referral declined.</source>
      <translation>Henvisningen er afvist.</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/screen.py" line="179" />
      <source>Referral {n} is waiting for the e-doctor.</source>
      <translation>Henvisning {n} venter på e-lægen.</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/screen.py" line="44" />
      <location filename="../../console/views/registry.py" line="73" />
      <source>Referrals</source>
      <translation>Henvisninger</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/screen.py" line="123" />
      <source>Referrals waiting: {n}</source>
      <translation>Henvisninger der venter: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/screen.py" line="87" />
      <source>Show decided</source>
      <translation>Vis afgjorte</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="57" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/screen.py" line="88" />
      <source>Take in a referral…</source>
      <translation>Modtag en henvisning…</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="48" />
      <source>Time waiting</source>
      <translation>Ventetid</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="56" />
      <source>Treatment</source>
      <translation>Behandling</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="23" />
      <source>Waiting</source>
      <translation>Venter</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/model.py" line="35" />
      <source>decided after {d}</source>
      <translation>afgjort efter {d}</translation>
    </message>
  </context>
  <context>
    <name>RegimenDialog</name>
    <message>
      <location filename="../../console/views/patient/regimen_dialog.py" line="37" />
      <source>Change regimen — {name}</source>
      <translation>Ændr ordination — {name}</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/regimen_dialog.py" line="56" />
      <source>Dose</source>
      <translation>Dosis</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/regimen_dialog.py" line="58" />
      <source>Dose times</source>
      <translation>Doseringstider</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/regimen_dialog.py" line="57" />
      <source>Doses per day</source>
      <translation>Doser pr. døgn</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/regimen_dialog.py" line="60" />
      <source>Effective from</source>
      <translation>Gælder fra</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/regimen_dialog.py" line="59" />
      <source>Last dose day</source>
      <translation>Sidste dosisdag</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/regimen_dialog.py" line="55" />
      <source>Regimen line</source>
      <translation>Ordinationslinje</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/regimen_dialog.py" line="90" />
      <source>This admission has no regimen line to change.</source>
      <translation>Denne indlæggelse har ingen ordinationslinje at ændre.</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/regimen_dialog.py" line="94" />
      <source>Write the dose times as HH:MM, separated by commas.</source>
      <translation>Skriv doseringstiderne som TT:MM, adskilt af kommaer.</translation>
    </message>
  </context>
  <context>
    <name>RegimenLineEditor</name>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="72" />
      <source> days</source>
      <translation> dage</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="76" />
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="118" />
      <source>Closed system</source>
      <translation>Lukket system</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="115" />
      <source>Dose</source>
      <translation>Dosis</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="117" />
      <source>Dose times</source>
      <translation>Doseringstider</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="116" />
      <source>Doses per day</source>
      <translation>Doser pr. døgn</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="136" />
      <source>Doses sent</source>
      <translation>Doser sendt med</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="89" />
      <source>Doses the transferring ward sent with the patient (R-SUPPLY); the stock and the delivery follow it</source>
      <translation>Doser som den overflyttende afdeling sendte med patienten (R-SUPPLY); beholdningen og leverancen følger dem</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="114" />
      <source>Drug or fluid</source>
      <translation>Lægemiddel eller væske</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="77" />
      <source>First dose given in hospital</source>
      <translation>Første dosis givet på hospitalet</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="119" />
      <source>IV access</source>
      <translation>IV-adgang</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="113" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="121" />
      <source>Length</source>
      <translation>Varighed</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="122" />
      <source>Minutes per visit</source>
      <translation>Minutter pr. besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="154" />
      <source>Regimen line {n}</source>
      <translation>Ordinationslinje {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="79" />
      <source>Remove IV access by</source>
      <translation>Fjern IV-adgang senest</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="91" />
      <source>Remove line</source>
      <translation>Fjern linje</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="120" />
      <source>Start</source>
      <translation>Start</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="165" />
      <source>Write the dose times as HH:MM, HH:MM.</source>
      <translation>Skriv doseringstiderne som TT:MM, TT:MM.</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="59" />
      <source>e.g. 4 g</source>
      <translation>f.eks. 4 g</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="57" />
      <source>e.g. Piperacillin/Tazobactam</source>
      <translation>f.eks. Piperacillin/Tazobactam</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="167" />
      <source>the dose</source>
      <translation>dosis</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="166" />
      <source>the drug or fluid</source>
      <translation>lægemiddel eller væske</translation>
    </message>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="88" />
      <source>the usual week</source>
      <translation>den sædvanlige uge</translation>
    </message>
  </context>
  <context>
    <name>RegimenLinesEditor</name>
    <message>
      <location filename="../../console/views/admission/regimen.py" line="193" />
      <source>Add regimen line</source>
      <translation>Tilføj ordinationslinje</translation>
    </message>
  </context>
  <context>
    <name>ReplanBanner</name>
    <message>
      <location filename="../../console/views/dispatch/replan_banner.py" line="45" />
      <source>Dismiss</source>
      <translation>Luk</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/replan_banner.py" line="52" />
      <source>MBE visits in the tray that can still be served today: {n}</source>
      <translation>MBE-besøg på ventelisten, som stadig kan nås i dag: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/replan_banner.py" line="49" />
      <source>MBE visits that came to the tray since the last plan and can still be served today: {n}</source>
      <translation>MBE-besøg kommet på ventelisten siden sidste plan, som stadig kan nås i dag: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/replan_banner.py" line="44" />
      <source>Re-plan from now…</source>
      <translation>Planlæg om fra nu…</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/replan_banner.py" line="58" />
      <source>Re-plan suggested — {reasons}.</source>
      <translation>Omplanlægning foreslås — {reasons}.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/replan_banner.py" line="55" />
      <source>stops that can no longer meet their time window: {n} ({cars})</source>
      <translation>besøg der ikke længere kan nå deres tidsvindue: {n} ({cars})</translation>
    </message>
  </context>
  <context>
    <name>ReplyDialog</name>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="44" />
      <source>Forward</source>
      <translation>Videresend</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="36" />
      <source>Forward the message from {party}</source>
      <translation>Videresend meddelelsen fra {party}</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="42" />
      <source>Reply</source>
      <translation>Svar</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="41" />
      <source>Reply to {party}</source>
      <translation>Svar til {party}</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="44" />
      <source>Send reply</source>
      <translation>Send svar</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="32" />
      <source>The municipality</source>
      <translation>Kommunen</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="31" />
      <source>The patient's GP</source>
      <translation>Patientens egen læge</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="34" />
      <source>They wrote</source>
      <translation>De skrev</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="38" />
      <source>To</source>
      <translation>Til</translation>
    </message>
    <message>
      <location filename="../../console/views/messages/reply_dialog.py" line="39" />
      <source>Your note</source>
      <translation>Din bemærkning</translation>
    </message>
  </context>
  <context>
    <name>ReportXlsx</name>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="59" />
      <source>Admitted</source>
      <translation>Indlagt</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="60" />
      <location filename="../../console/services/monitoring/reports.py" line="65" />
      <location filename="../../console/services/monitoring/reports.py" line="296" />
      <source>Amount</source>
      <translation>Beløb</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="250" />
      <location filename="../../console/services/monitoring/reports.py" line="296" />
      <source>Bed days</source>
      <translation>Sengedage</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="59" />
      <location filename="../../console/services/monitoring/reports.py" line="312" />
      <source>CPR</source>
      <translation>CPR</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="262" />
      <source>Completed</source>
      <translation>Gennemført</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="65" />
      <location filename="../../console/services/monitoring/reports.py" line="304" />
      <location filename="../../console/services/monitoring/reports.py" line="306" />
      <source>Courses</source>
      <translation>Forløb</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="246" />
      <source>Courses ended</source>
      <translation>Afsluttede forløb</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="245" />
      <source>Courses started</source>
      <translation>Påbegyndte forløb</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="66" />
      <source>Courses with errors</source>
      <translation>Forløb med fejl</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="59" />
      <location filename="../../console/services/monitoring/reports.py" line="65" />
      <location filename="../../console/services/monitoring/reports.py" line="304" />
      <source>Days</source>
      <translation>Dage</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="59" />
      <location filename="../../console/services/monitoring/reports.py" line="312" />
      <source>Discharged</source>
      <translation>Udskrevet</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="296" />
      <source>Ended</source>
      <translation>Afsluttet</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="255" />
      <source>Ended courses without a tariff</source>
      <translation>Afsluttede forløb uden takst</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="312" />
      <source>Error</source>
      <translation>Fejl</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="125" />
      <location filename="../../console/services/monitoring/reports.py" line="160" />
      <location filename="../../console/services/monitoring/reports.py" line="288" />
      <source>Generated</source>
      <translation>Dannet</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="306" />
      <source>Length of stay</source>
      <translation>Indlæggelsestid</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="247" />
      <source>Mean length (days)</source>
      <translation>Gennemsnitlig varighed (dage)</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="248" />
      <source>Median length (days)</source>
      <translation>Median varighed (dage)</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="296" />
      <source>Month</source>
      <translation>Måned</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="295" />
      <source>Months</source>
      <translation>Måneder</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="300" />
      <source>Municipalities</source>
      <translation>Kommuner</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="254" />
      <source>Municipalities' share</source>
      <translation>Kommunernes andel</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="65" />
      <location filename="../../console/services/monitoring/reports.py" line="123" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="61" />
      <location filename="../../console/services/monitoring/reports.py" line="66" />
      <location filename="../../console/services/monitoring/reports.py" line="297" />
      <source>Municipality's share</source>
      <translation>Kommunens andel</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="304" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="264" />
      <source>Not recorded</source>
      <translation>Ikke registreret</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="311" />
      <source>Not settled</source>
      <translation>Ikke afregnet</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="61" />
      <source>Note</source>
      <translation>Bemærkning</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="263" />
      <source>Other</source>
      <translation>Andet</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="308" />
      <source>Outcome</source>
      <translation>Udfald</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="308" />
      <source>Outcomes</source>
      <translation>Udfald</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="59" />
      <location filename="../../console/services/monitoring/reports.py" line="312" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="124" />
      <location filename="../../console/services/monitoring/reports.py" line="159" />
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="124" />
      <location filename="../../console/services/monitoring/reports.py" line="160" />
      <source>Price level</source>
      <translation>Prisniveau</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="263" />
      <source>Readmitted</source>
      <translation>Genindlagt</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="60" />
      <source>Reason for another tariff</source>
      <translation>Begrundelse for anden takst</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="123" />
      <location filename="../../console/services/monitoring/reports.py" line="159" />
      <location filename="../../console/services/monitoring/reports.py" line="288" />
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="61" />
      <location filename="../../console/services/monitoring/reports.py" line="65" />
      <location filename="../../console/services/monitoring/reports.py" line="253" />
      <source>Region's share</source>
      <translation>Regionens andel</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="251" />
      <source>Settled courses</source>
      <translation>Afregnede forløb</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="122" />
      <source>Settlement of IV home-treatment courses</source>
      <translation>Afregning af IV-hjemmebehandlingsforløb</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="158" />
      <source>Settlement of IV home-treatment courses: summary</source>
      <translation>Afregning af IV-hjemmebehandlingsforløb: oversigt</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="252" />
      <source>Settlement total</source>
      <translation>Afregning i alt</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="195" />
      <source>Settlement {period} — {region}</source>
      <translation>Afregning {period} — {region}</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="249" />
      <source>Shortest / longest (days)</source>
      <translation>Korteste / længste (dage)</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="296" />
      <source>Started</source>
      <translation>Påbegyndt</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="189" />
      <location filename="../../console/services/monitoring/reports.py" line="286" />
      <source>Summary</source>
      <translation>Oversigt</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="262" />
      <source>Switched to tablets</source>
      <translation>Skiftet til tabletter</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="60" />
      <location filename="../../console/services/monitoring/reports.py" line="304" />
      <source>Tariff</source>
      <translation>Takst</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="60" />
      <source>Tariff name</source>
      <translation>Takstnavn</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="303" />
      <source>Tariffs</source>
      <translation>Takster</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="167" />
      <source>Total</source>
      <translation>I alt</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="140" />
      <source>Total ({count} courses)</source>
      <translation>I alt ({count} forløb)</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="288" />
      <source>Year</source>
      <translation>År</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="287" />
      <source>Yearly monitoring of IV home treatment {year}</source>
      <translation>Årlig monitorering af IV-hjemmebehandling {year}</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/reports.py" line="148" />
      <source>{count} course(s) not settled: see the rows marked red.</source>
      <translation>{count} forløb ikke afregnet: se de rødt markerede rækker.</translation>
    </message>
  </context>
  <context>
    <name>ResolveDialog</name>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="143" />
      <source>Action</source>
      <translation>Handling</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="141" />
      <source>Choose the action taken…</source>
      <translation>Vælg den handling, der blev foretaget…</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="144" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="139" />
      <source>Resolve escalation</source>
      <translation>Afslut henvendelse</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="160" />
      <source>What was done (required)</source>
      <translation>Hvad der blev gjort (skal udfyldes)</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/actions.py" line="158" />
      <source>Why was no action needed? (required)</source>
      <translation>Hvorfor var ingen handling nødvendig? (skal udfyldes)</translation>
    </message>
  </context>
  <context>
    <name>RoundListPdf</name>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="79" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="79" />
      <source>CRP</source>
      <translation>CRP</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="79" />
      <source>Day</source>
      <translation>Dag</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="80" />
      <source>Esc.</source>
      <translation>Henv.</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="80" />
      <source>Flags</source>
      <translation>Markeringer</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="78" />
      <source>Generated {time}</source>
      <translation>Dannet {time}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="97" />
      <source>No rounds on this day.</source>
      <translation>Ingen stuegange denne dag.</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="79" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="79" />
      <source>Regimen</source>
      <translation>Ordination</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="80" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="79" />
      <source>Time</source>
      <translation>Tid</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="80" />
      <source>Visits done / missed</source>
      <translation>Besøg udført / misset</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="73" />
      <location filename="../../console/views/rounds/round_list_print.py" line="112" />
      <source>eHospital ward rounds — {date}</source>
      <translation>eHospitalets stuegange — {date}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="74" />
      <source>{admitted} / {capacity} admitted</source>
      <translation>{admitted} / {capacity} indlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/round_list_print.py" line="77" />
      <source>{count} — over capacity</source>
      <translation>{count} — over kapacitet</translation>
    </message>
  </context>
  <context>
    <name>RoundPanel</name>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="252" />
      <source>Add CRP…</source>
      <translation>Tilføj CRP…</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="255" />
      <source>Add addendum</source>
      <translation>Tilføj tillæg</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="254" />
      <source>Addendum</source>
      <translation>Tillæg</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="61" />
      <source>Adjust regimen</source>
      <translation>Justér ordination</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="239" />
      <source>Assessment</source>
      <translation>Vurdering</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="243" />
      <source>BP, pulse, temp, SpO2, resp. rate; IV access; findings</source>
      <translation>BT, puls, temp., SpO2, respirationsfrekvens; IV-adgang; fund</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="325" />
      <source>Choose a round in the list</source>
      <translation>Vælg en stuegang på listen</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="60" />
      <source>Continue</source>
      <translation>Fortsæt</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="332" />
      <source>Day {day} · {regimen} · {municipality} · {status}</source>
      <translation>Dag {day} · {regimen} · {municipality} · {status}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="240" />
      <source>Decision</source>
      <translation>Beslutning</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="64" />
      <source>Discharge</source>
      <translation>Udskrivelse</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="244" />
      <source>How the patient feels, symptoms</source>
      <translation>Hvordan patienten har det, symptomer</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="236" />
      <location filename="../../console/views/rounds/panel.py" line="352" />
      <source>Mark ready</source>
      <translation>Markér klar</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="56" />
      <source>Municipal nurse</source>
      <translation>Kommunen</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="338" />
      <source>No video meeting link is recorded for this admission</source>
      <translation>Der er ikke registreret et videomødelink til denne indlæggelse</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="239" />
      <source>Objective</source>
      <translation>Objektivt</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="54" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="240" />
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="235" />
      <source>Preparation (e-nurse): points to discuss</source>
      <translation>Forberedelse (e-spl.): punkter til drøftelse</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="232" />
      <source>Present at the round</source>
      <translation>Til stede ved stuegangen</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="249" />
      <source>R-CRP3: this is the CRP day of an antibiotic course and no CRP result is on file. Add the CRP, or record why another day is chosen.</source>
      <translation>R-CRP3: i dag er CRP-dag i et antibiotikaforløb, og der foreligger intet CRP-svar. Tilføj CRP, eller angiv hvorfor en anden dag er valgt.</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="63" />
      <source>Readmit to hospital</source>
      <translation>Genindlæg på hospital</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="253" />
      <source>Reason for another CRP day</source>
      <translation>Begrundelse for en anden CRP-dag</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="55" />
      <source>Relatives</source>
      <translation>Pårørende</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="231" />
      <source>Reload</source>
      <translation>Genindlæs</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="237" />
      <source>Round note</source>
      <translation>Stuegangsnotat</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="247" />
      <source>Save note</source>
      <translation>Gem notat</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="248" />
      <source>Sign</source>
      <translation>Underskriv</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="343" />
      <source>Signed by {who} at {time} — decision: {decision}</source>
      <translation>Underskrevet af {who} kl. {time} — beslutning: {decision}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="239" />
      <source>Subjective</source>
      <translation>Subjektivt</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="62" />
      <source>Switch to tablets</source>
      <translation>Skift til tabletter</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="353" />
      <source>Update preparation</source>
      <translation>Opdatér forberedelse</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="230" />
      <source>Video call</source>
      <translation>Videoopkald</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/panel.py" line="57" />
      <source>e-nurse</source>
      <translation>e-spl.</translation>
    </message>
  </context>
  <context>
    <name>RoundsScreen</name>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="222" />
      <source>CRP decisions due: {n}</source>
      <translation>CRP-beslutninger udestående: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="296" />
      <source>Choose a round in the list first.</source>
      <translation>Vælg først en stuegang på listen.</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="152" />
      <source>Conference</source>
      <translation>Konference</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="66" />
      <source>Could not load the rounds: {message}</source>
      <translation>Kunne ikke hente stuegangene: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="157" />
      <source>Drag a row, or press Ctrl+↑ / Ctrl+↓, to change the order of the round.</source>
      <translation>Træk i en række, eller tryk Ctrl+↑ / Ctrl+↓, for at ændre rækkefølgen på stuegangen.</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="151" />
      <source>Filter by patient, CPR or regimen</source>
      <translation>Filtrér: patient, CPR, ordination</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="160" />
      <source>Move round down</source>
      <translation>Flyt stuegang ned</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="159" />
      <source>Move round up</source>
      <translation>Flyt stuegang op</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="225" />
      <source>New: {n}</source>
      <translation>Nye: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="355" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="155" />
      <source>Print list…</source>
      <translation>Udskriv stuegangsliste…</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="354" />
      <source>Print the round list to PDF</source>
      <translation>Udskriv stuegangslisten som PDF</translation>
    </message>
    <message>
      <location filename="../../console/views/registry.py" line="55" />
      <location filename="../../console/views/rounds/screen.py" line="65" />
      <source>Rounds</source>
      <translation>Stuegang</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="217" />
      <source>Signed {signed} of {total}</source>
      <translation>Underskrevet {signed} af {total}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/screen.py" line="153" />
      <source>Weekly microbiology conference: the week's antibiotic courses and CRP curves</source>
      <translation>Ugentlig mikrobiologisk konference: ugens antibiotikaforløb og CRP-kurver</translation>
    </message>
  </context>
  <context>
    <name>RoundsTableModel</name>
    <message>
      <location filename="../../console/views/rounds/model.py" line="66" />
      <source>CRP</source>
      <translation>CRP</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="249" />
      <source>CRP (mg/L), oldest first: {values}</source>
      <translation>CRP (mg/L), ældste først: {values}</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="82" />
      <source>CRP day 3: decision due</source>
      <translation>CRP dag 3: tag stilling</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="85" />
      <source>CRP decision overdue</source>
      <translation>CRP-beslutning overskredet</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="83" />
      <source>CRP missing</source>
      <translation>CRP mangler</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="84" />
      <source>CRP overdue</source>
      <translation>CRP overskredet</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="64" />
      <source>Day</source>
      <translation>Dag</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="74" />
      <source>Day of the course</source>
      <translation>Dag i forløbet</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="68" />
      <source>Esc.</source>
      <translation>Henv.</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="70" />
      <source>Flags</source>
      <translation>Markeringer</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="75" />
      <source>Latest CRP (mg/L) and the last results as a curve</source>
      <translation>Seneste CRP (mg/L) og de sidste svar som kurve</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="87" />
      <source>New admission</source>
      <translation>Ny indlæggelse</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="77" />
      <source>Open escalations</source>
      <translation>Åbne henvendelser</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="88" />
      <source>Over capacity</source>
      <translation>Over kapacitet</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="63" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="103" />
      <source>Planned</source>
      <translation>Planlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="86" />
      <source>Planned end today</source>
      <translation>Planlagt slut i dag</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="73" />
      <source>Planned time of the video round (local time)</source>
      <translation>Planlagt tidspunkt for videostuegangen (lokal tid)</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="104" />
      <source>Ready</source>
      <translation>Klar</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="65" />
      <source>Regimen</source>
      <translation>Ordination</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="105" />
      <source>Signed</source>
      <translation>Underskrevet</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="69" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="62" />
      <source>Time</source>
      <translation>Tid</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="76" />
      <source>Today's visits: done / missed</source>
      <translation>Dagens besøg: udført / misset</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="67" />
      <source>Visits</source>
      <translation>Besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/rounds/model.py" line="252" />
      <source>{done} done, {missed} missed, {planned} still planned today</source>
      <translation>{done} udført, {missed} misset, {planned} stadig planlagt i dag</translation>
    </message>
  </context>
  <context>
    <name>RouteSheetPdf</name>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="126" />
      <source>Approximate location for {n} of {total} stops (only the municipality's point): call the patient before you drive.</source>
      <translation>Omtrentlig placering for {n} af {total} stop (kun kommunens punkt): ring til patienten, før du kører.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="203" />
      <source>Back at {base}</source>
      <translation>Tilbage på {base}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="113" />
      <source>Break</source>
      <translation>Pause</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="175" />
      <source>Bring:</source>
      <translation>Medbring:</translation>
    </message>
    <message>
      <location filename="../../console/views/common/print_footer.py" line="23" />
      <source>CONFIDENTIAL — patient data (sundhedsloven). Keep out of sight in the car and shred after the shift. Printed {when} · eWard Console</source>
      <translation>FORTROLIGT — patientdata (sundhedsloven). Opbevares skjult i bilen og makuleres efter vagten. Printet {when} · eWard Console</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="111" />
      <source>Crew</source>
      <translation>Besætning</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="34" />
      <source>Day shift</source>
      <translation>Dagvagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="215" />
      <source>Done</source>
      <translation>Udført</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="35" />
      <source>Evening shift</source>
      <translation>Aftenvagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="153" />
      <source>No phone number on record</source>
      <translation>Intet telefonnummer registreret</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="236" />
      <source>No visits on this car in this shift.</source>
      <translation>Ingen besøg på denne bil i denne vagt.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="215" />
      <source>Patient and address</source>
      <translation>Patient og adresse</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="112" />
      <source>Route</source>
      <translation>Rute</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="96" />
      <source>Route sheet {car}</source>
      <translation>Køreseddel {car}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="284" />
      <source>Route sheet {car} — {date} {shift}</source>
      <translation>Køreseddel {car} — {date} {shift}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="124" />
      <source>This car is not in service in this shift.</source>
      <translation>Denne bil er ikke i drift i denne vagt.</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="215" />
      <source>Time</source>
      <translation>Tid</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="216" />
      <source>Visit and what to bring</source>
      <translation>Besøg og hvad der skal medbringes</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="104" />
      <source>all {n} stops done</source>
      <translation>alle {n} stop udført</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="155" />
      <source>approximate location — call ahead</source>
      <translation>omtrentlig placering — ring i forvejen</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="37" />
      <source>blood sample tubes (CRP)</source>
      <translation>blodprøveglas (CRP)</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="167" />
      <source>done</source>
      <translation>udført</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="140" />
      <location filename="../../console/views/dispatch/route_sheet.py" line="204" />
      <source>drive {d}</source>
      <translation>kørsel {d}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="109" />
      <source>e-doctor any time; e-nurse {start}–{end}</source>
      <translation>e-læge døgnet rundt; e-sygeplejerske {start}–{end}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="117" />
      <source>eHospital 24/7</source>
      <translation>eHospitalet døgnet rundt</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="111" />
      <source>not staffed yet</source>
      <translation>endnu ikke bemandet</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="142" />
      <source>on site {m} min</source>
      <translation>på stedet {m} min</translation>
    </message>
    <message>
      <location filename="../../console/views/common/print_footer.py" line="26" />
      <source>page {page} of {pages}</source>
      <translation>side {page} af {pages}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="205" />
      <source>shift ends {end}</source>
      <translation>vagten slutter {end}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="138" />
      <source>window {w}</source>
      <translation>tidsvindue {w}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="75" />
      <source>{h} h {m} min</source>
      <translation>{h} t {m} min</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="76" />
      <source>{m} min</source>
      <translation>{m} min</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="106" />
      <source>{n} stops · {drive} driving · back at {base} about {back}</source>
      <translation>{n} stop · {drive} kørsel · tilbage på {base} ca. {back}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="100" />
      <source>{shift} · {date} · base {base} {start}–{end}</source>
      <translation>{shift} · {date} · base {base} {start}–{end}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="113" />
      <source>{start}–{end} at base {base}</source>
      <translation>{start}–{end} på basen i {base}</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/route_sheet.py" line="230" />
      <source>{title} — continued, page {page} of {pages}</source>
      <translation>{title} — fortsat, side {page} af {pages}</translation>
    </message>
  </context>
  <context>
    <name>RunListPdf</name>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="123" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="99" />
      <source>CHECK: the regimen changed after packing</source>
      <translation>KONTROLLÉR: ordinationen er ændret efter pakning</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="124" />
      <source>Delivered</source>
      <translation>Leveret</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="123" />
      <source>Due by</source>
      <translation>Senest</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="123" />
      <source>ETA</source>
      <translation>Ankomst</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="101" />
      <source>ETA after due by: call ahead</source>
      <translation>Ankomst efter fristen: ring i forvejen</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="142" />
      <source>Generated {time}</source>
      <translation>Dannet {time}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="74" />
      <source>Item</source>
      <translation>Vare</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="84" />
      <source>Key: {notes}</source>
      <translation>Nøgle: {notes}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="150" />
      <source>Load into the car</source>
      <translation>Læsses i bilen</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="74" />
      <source>Loaded</source>
      <translation>Læsset</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="148" />
      <source>No open deliveries on this day.</source>
      <translation>Ingen åbne leveringer denne dag.</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="124" />
      <source>Packed</source>
      <translation>Pakket</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="129" />
      <location filename="../../console/views/logistics/run_print.py" line="185" />
      <source>Packing and run list — {date}</source>
      <translation>Pakke- og køreliste — {date}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="123" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="81" />
      <source>Phone {phone}</source>
      <translation>Telefon {phone}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="74" />
      <source>Qty</source>
      <translation>Antal</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="151" />
      <source>Run</source>
      <translation>Tur</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="139" />
      <source>Start {base} at {start} · {n} stops · {drive} driving · back about {back}</source>
      <translation>Start {base} kl. {start} · {n} stop · {drive} kørsel · tilbage ca. {back}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="124" />
      <source>What to pack</source>
      <translation>Hvad der skal pakkes</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="144" />
      <source>page 1 of {pages}</source>
      <translation>side 1 af {pages}</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="56" />
      <source>{h} h {m} min</source>
      <translation>{h} t {m} min</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="57" />
      <source>{m} min</source>
      <translation>{m} min</translation>
    </message>
    <message>
      <location filename="../../console/views/logistics/run_print.py" line="135" />
      <source>{title} — page {page} of {pages}</source>
      <translation>{title} — side {page} af {pages}</translation>
    </message>
  </context>
  <context>
    <name>SaveFileButton</name>
    <message>
      <location filename="../../console/views/common/message_files.py" line="68" />
      <source>Save a file the message carries; the save is logged</source>
      <translation>Gem en fil, som meddelelsen har med; det noteres i adgangsloggen</translation>
    </message>
    <message>
      <location filename="../../console/views/common/message_files.py" line="67" />
      <source>Save file…</source>
      <translation>Gem fil…</translation>
    </message>
    <message>
      <location filename="../../console/views/common/message_files.py" line="94" />
      <source>Save the message's file</source>
      <translation>Gem meddelelsens fil</translation>
    </message>
  </context>
  <context>
    <name>Screen</name>
    <message>
      <location filename="../../console/views/common/screen.py" line="85" />
      <source>Could not load: {message}</source>
      <translation>Kunne ikke hente: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/common/screen.py" line="52" />
      <location filename="../../console/views/common/screen.py" line="170" />
      <source>Loading…</source>
      <translation>Henter…</translation>
    </message>
  </context>
  <context>
    <name>Service</name>
    <message>
      <location filename="../../console/services/course/referral.py" line="140" />
      <source>'{0}' has no UTC offset: add one, e.g. +01:00 for Danish winter time.</source>
      <translation>'{0}' har ingen UTC-forskydning: tilføj en, f.eks. +01:00 for dansk vintertid.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="123" />
      <source>'{0}' has {1} digits: a phone number has {2}-{3}.</source>
      <translation>'{0}' har {1} cifre: et telefonnummer har {2}-{3}.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="191" />
      <source>'{0}' is already in {1}'s directory: edit that contact instead.</source>
      <translation>'{0}' står allerede i kontaktbogen for {1}: ret den kontakt i stedet.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/eligibility.py" line="67" />
      <source>'{0}' is judged no: decline the referral with a reason instead.</source>
      <translation>'{0}' er vurderet nej: afvis i stedet henvisningen med en begrundelse.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/parties.py" line="51" />
      <source>'{0}' is not a SOR id: digits only.</source>
      <translation>'{0}' er ikke et SOR-id: kun cifre.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="231" />
      <source>'{0}' is not a car in use.</source>
      <translation>'{0}' er ikke en bil i brug.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="191" />
      <source>'{0}' is not a configured IV access type.</source>
      <translation>'{0}' er ikke en opsat type IV-adgang.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="188" />
      <source>'{0}' is not a configured closed system.</source>
      <translation>'{0}' er ikke et opsat lukket system.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="254" />
      <source>'{0}' is not a configured course tariff ({1}).</source>
      <translation>'{0}' er ikke en opsat forløbstakst ({1}).</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="82" />
      <location filename="../../console/services/escalations/escalations.py" line="124" />
      <source>'{0}' is not a configured municipality.</source>
      <translation>'{0}' er ikke en opsat kommune.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referral.py" line="136" />
      <source>'{0}' is not a date-time: use e.g. 2026-11-23T10:00:00+01:00.</source>
      <translation>'{0}' er ikke et tidspunkt: brug f.eks. 2026-11-23T10:00:00+01:00.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referral.py" line="152" />
      <source>'{0}' is not a date: use YYYY-MM-DD.</source>
      <translation>'{0}' er ikke en dato: brug ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/dose.py" line="49" />
      <source>'{0}' is not a dose unit; use one of: {1}.</source>
      <translation>'{0}' er ikke en dosisenhed; brug en af: {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="119" />
      <source>'{0}' is not a phone number: use digits and spaces, with + only in front (e.g. 70 20 42 00 or +45 70 20 42 00).</source>
      <translation>'{0}' er ikke et telefonnummer: brug cifre og mellemrum, og kun + forrest (f.eks. 70 20 42 00 eller +45 70 20 42 00).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/visits.py" line="133" />
      <source>'{0}' is not a place of treatment.</source>
      <translation>'{0}' er ikke et behandlingssted.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="279" />
      <source>'{0}' is not a shift: use day or evening.</source>
      <translation>'{0}' er ikke en vagt: brug day (dag) eller evening (aften).</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="132" />
      <source>'{0}' is not a team: use {1}.</source>
      <translation>'{0}' er ikke et team: brug {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/yearly.py" line="87" />
      <source>'{0}' is not a year to monitor.</source>
      <translation>'{0}' er ikke et år, der kan monitoreres.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/parties.py" line="53" />
      <source>'{0}' is not an EAN location number: digits only.</source>
      <translation>'{0}' er ikke et EAN-lokationsnummer: kun cifre.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="272" />
      <source>'{0}' is not an MBE base.</source>
      <translation>'{0}' er ikke en MBE-base.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="59" />
      <source>'{0}' is not an active e-doctor: choose the doctor who holds the treatment responsibility.</source>
      <translation>'{0}' er ikke en aktiv e-læge: vælg den læge, der har behandlingsansvaret.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="103" />
      <source>'{0}' is not one of the configured municipalities ({1}).</source>
      <translation>'{0}' er ikke en af de opsatte kommuner ({1}).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/cpr.py" line="35" />
      <source>A CPR number is 10 digits: DDMMYY-SSSS.</source>
      <translation>Et CPR-nummer har 10 cifre: DDMMÅÅ-SSSS.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/visits.py" line="146" />
      <source>A blood sample visit needs the CRP value or an observation saying why there is none.</source>
      <translation>Et blodprøvebesøg skal have CRP-værdien eller en observation om, hvorfor der ingen er.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="118" />
      <source>A call cannot be received in the future.</source>
      <translation>Et opkald kan ikke være modtaget i fremtiden.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="204" />
      <source>A course lasts at least 1 day.</source>
      <translation>Et forløb varer mindst 1 dag.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/settlement.py" line="101" />
      <source>A course lasts at least one day, not {0}.</source>
      <translation>Et forløb varer mindst én dag, ikke {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="128" />
      <source>A course of {0} days is longer than the {1} days a home course may run: check the number, or ask an admin to change the limit.</source>
      <translation>Et forløb på {0} dage er længere end de {1} dage, et hjemmeforløb må vare: kontrollér tallet, eller bed en administrator om at ændre grænsen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="168" />
      <source>A course with a pump cannot run 4 times a day: choose 3 or fewer doses, or no pump.</source>
      <translation>Et forløb med pumpe kan ikke gives 4 gange i døgnet: vælg højst 3 doser, eller ingen pumpe.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="69" />
      <source>A day rate needs the day it starts from, and the other way round.</source>
      <translation>En dagstakst skal have den dag, den gælder fra, og omvendt.</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/handover.py" line="64" />
      <source>A delivery that is {0} cannot be handed to an MBE car; only a requested or packed one can.</source>
      <translation>En levering, der er {0}, kan ikke overdrages til en MBE-bil; det kan kun en bestilt eller pakket levering.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/course.py" line="93" />
      <source>A discharge is recorded when it happens: its time cannot be in the future.</source>
      <translation>En udskrivelse registreres, når den sker: tidspunktet kan ikke ligge i fremtiden.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/dose.py" line="57" />
      <source>A dose above {0} {1} is a typing slip: check the amount and the unit.</source>
      <translation>En dosis over {0} {1} er en tastefejl: kontrollér mængden og enheden.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/dose.py" line="43" />
      <location filename="../../console/services/course/dose.py" line="53" />
      <location filename="../../console/services/course/dose.py" line="55" />
      <source>A dose is an amount above zero.</source>
      <translation>En dosis er en mængde over nul.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referrals.py" line="182" />
      <source>A referral is declined with a reason: say why.</source>
      <translation>En henvisning afvises med en begrundelse: skriv hvorfor.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/course.py" line="148" />
      <source>A regimen change applies from now or later: the past visits stay as they were given. Choose a time from now on.</source>
      <translation>En ændring af behandlingen gælder fra nu eller senere: tidligere besøg forbliver, som de blev givet. Vælg et tidspunkt fra nu af.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/labs.py" line="166" />
      <location filename="../../console/services/rounds/rounds.py" line="380" />
      <source>A sample cannot be taken in the future.</source>
      <translation>En prøve kan ikke være taget i fremtiden.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="81" />
      <source>A severity category is 0-9 (seed 001: 0-4).</source>
      <translation>En tyngdekategori er 0-9 (seed 001: 0-4).</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="92" />
      <source>A shift is 'day' or 'evening', not {0}.</source>
      <translation>En vagt er 'day' (dag) eller 'evening' (aften), ikke {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="71" />
      <source>A shift staffs 0 to {0} cars (R-SHIFT); {1} is outside that.</source>
      <translation>En vagt bemander 0 til {0} biler (R-SHIFT); {1} ligger uden for det.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="62" />
      <source>A tariff code is 1-32 letters, digits or _ (e.g. AB14).</source>
      <translation>En takstkode er 1-32 bogstaver, cifre eller _ (f.eks. AB14).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/visits.py" line="123" />
      <source>A visit cannot be done before the patient was admitted ({0}): check the date.</source>
      <translation>Et besøg kan ikke være udført, før patienten blev indlagt ({0}): kontrollér datoen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/visits.py" line="119" />
      <source>A visit cannot be registered as done in the future.</source>
      <translation>Et besøg kan ikke registreres som udført i fremtiden.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/orders.py" line="54" />
      <location filename="../../console/services/escalations/escalations.py" line="194" />
      <source>A window is at most 24 hours: order the task again for another day.</source>
      <translation>Et tidsvindue er højst 24 timer: bestil opgaven igen til en anden dag.</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/deliveries.py" line="107" />
      <source>A {0} delivery cannot become {1} (allowed: nothing).</source>
      <translation>En levering med status {0} kan ikke skifte til {1} (tilladt: ingen).</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/deliveries.py" line="107" />
      <source>A {0} delivery cannot become {1} (allowed: {2}).</source>
      <translation>En levering med status {0} kan ikke skifte til {1} (tilladt: {2}).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/labs.py" line="117" />
      <source>A {0} result is one of {1}.</source>
      <translation>Et {0}-svar er et af: {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/course.py" line="63" />
      <source>Admission {0} is already discharged.</source>
      <translation>Indlæggelse {0} er allerede udskrevet.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/orders.py" line="45" />
      <location filename="../../console/services/escalations/escalations.py" line="194" />
      <source>An MBE task is ordered for a running course; this one is {0}.</source>
      <translation>En MBE-opgave bestilles til et igangværende forløb; dette er {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/agreement.py" line="90" />
      <source>An acceptance cannot be recorded in the future.</source>
      <translation>En accept kan ikke registreres i fremtiden.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/iv_access.py" line="69" />
      <location filename="../../console/services/course/task_records.py" line="71" />
      <source>An access cannot be placed in the future.</source>
      <translation>En adgang kan ikke anlægges i fremtiden.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admissions.py" line="141" />
      <source>Another desk admitted this patient at the same moment; nothing was saved. Open the census to see their admission.</source>
      <translation>En anden arbejdsplads indlagde patienten i samme øjeblik; intet blev gemt. Åbn belægningen for at se deres indlæggelse.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referrals.py" line="172" />
      <source>Another desk decided this referral at the same moment; nothing was saved. Reload the queue.</source>
      <translation>En anden arbejdsplads besluttede denne henvisning i samme øjeblik; intet blev gemt. Genindlæs listen.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="139" />
      <source>At most {0} characters ({1} given).</source>
      <translation>Højst {0} tegn ({1} angivet).</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/files.py" line="84" />
      <source>Attachment {0} only refers to a file an earlier message of the thread carries: save it there.</source>
      <translation>Vedhæftning {0} henviser kun til en fil, som en tidligere meddelelse i tråden har med: gem den derfra.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/visits.py" line="127" />
      <location filename="../../console/services/rounds/rounds.py" line="378" />
      <source>CRP is 0-1000 mg/L.</source>
      <translation>CRP er 0-1000 mg/L.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="250" />
      <source>CRP is measured on day {0}; another day needs the doctor's reason.</source>
      <translation>CRP måles på dag {0}; en anden dag kræver lægens begrundelse.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/periods.py" line="29" />
      <source>Choose a period of at most three years.</source>
      <translation>Vælg en periode på højst tre år.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="235" />
      <source>Choose the action taken: advice given, regimen changed, MBE visit created, delivery created, readmitted, or no action needed (with why).</source>
      <translation>Vælg den handling, der er foretaget: rådgivning givet, ordination ændret, MBE-besøg oprettet, levering oprettet, genindlagt eller ingen handling nødvendig (med begrundelse).</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="104" />
      <source>Choose the patient (admission or CPR).</source>
      <translation>Vælg patienten (indlæggelse eller CPR).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="147" />
      <source>Consent must be given before the admission time.</source>
      <translation>Samtykket skal være givet før indlæggelsestidspunktet.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="176" />
      <source>Copy forward: the target week starts after the source week.</source>
      <translation>Kopiér fremad: måluget begynder efter kildeugen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="112" />
      <source>Create 1 to 31 days of shifts at a time.</source>
      <translation>Opret 1 til 31 dages vagter ad gangen.</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/deliveries.py" line="78" />
      <source>Deliveries are for admitted patients only.</source>
      <translation>Leveringer er kun til indlagte patienter.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/course.py" line="91" />
      <source>Discharge cannot be before the admission.</source>
      <translation>Udskrivning kan ikke ligge før indlæggelsen.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="243" />
      <source>Document what was done (or why nothing).</source>
      <translation>Dokumentér, hvad der blev gjort (eller hvorfor intet).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="228" />
      <source>Dose times must be different and in order through the day.</source>
      <translation>Doseringstiderne skal være forskellige og i rækkefølge gennem døgnet.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="160" />
      <location filename="../../console/services/course/course.py" line="156" />
      <source>Doses per day must be 1, 2, 3 or 4.</source>
      <translation>Doser pr. døgn skal være 1, 2, 3 eller 4.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/staff.py" line="54" />
      <source>Give at least one role: e_doctor, e_nurse, dispatcher, logistics or admin.</source>
      <translation>Angiv mindst én rolle: e_doctor, e_nurse, dispatcher, logistics eller admin.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="173" />
      <source>Give the contact's name, e.g. 'Akutteam Næstved'.</source>
      <translation>Angiv kontaktens navn, f.eks. 'Akutteam Næstved'.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="76" />
      <source>Give the municipality, e.g. Sorø.</source>
      <translation>Angiv kommunen, f.eks. Sorø.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/parties.py" line="54" />
      <source>Give the party's name.</source>
      <translation>Angiv partens navn.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/staff.py" line="52" />
      <source>Give the person's full name.</source>
      <translation>Angiv personens fulde navn.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="116" />
      <source>Give the phone number.</source>
      <translation>Angiv telefonnummeret.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="63" />
      <source>Give the tariff a name, as the agreement words it.</source>
      <translation>Giv taksten et navn, som aftalen formulerer det.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/staff.py" line="50" />
      <source>Initials are 1-12 letters or digits, starting with a letter (e.g. ABE).</source>
      <translation>Initialer er 1-12 bogstaver eller cifre og begynder med et bogstav (f.eks. ABE).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/eligibility.py" line="64" />
      <source>Judge every eligibility item before admitting: '{0}' is not judged.</source>
      <translation>Vurdér alle punkter i visitationen før indlæggelse: '{0}' er ikke vurderet.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/outbox.py" line="161" />
      <source>Message {0} has already been answered by another desk (reply {1}).</source>
      <translation>Meddelelse {0} er allerede besvaret fra en anden arbejdsplads (svar {1}).</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/outbox.py" line="161" />
      <source>Message {0} has already been answered by {1} (reply {2}).</source>
      <translation>Meddelelse {0} er allerede besvaret af {1} (svar {2}).</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/outbox.py" line="218" />
      <source>Message {0} has no course or receiver.</source>
      <translation>Meddelelse {0} har intet forløb eller ingen modtager.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/files.py" line="65" />
      <source>Message {0} is a draft: nothing was sent yet. Save it after it is sent.</source>
      <translation>Meddelelse {0} er en kladde: intet er sendt endnu. Gem den, når den er sendt.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/inbox.py" line="249" />
      <source>Message {0} is already on course {1}.</source>
      <translation>Meddelelse {0} er allerede på forløb {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/reads.py" line="150" />
      <source>Message {0} is matched to no course: find the patient first.</source>
      <translation>Meddelelse {0} er ikke knyttet til et forløb: find patienten først.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/outbox.py" line="138" />
      <location filename="../../console/services/messaging/outbox.py" line="356" />
      <source>Message {0} is {1}, not a draft.</source>
      <translation>Meddelelse {0} er {1}, ikke en kladde.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/files.py" line="68" />
      <source>Message {0} was recorded without its bytes (the demo ward writes its messages so): there is nothing to save.</source>
      <translation>Meddelelse {0} er registreret uden sine bytes (demoafdelingen skriver sine meddelelser sådan): der er intet at gemme.</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/delivery_runs.py" line="161" />
      <source>Minutes at each stop cannot be negative.</source>
      <translation>Minutter ved hvert stop kan ikke være negative.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/settlement.py" line="214" />
      <source>Month must be 1-12, not {0}.</source>
      <translation>Måneden skal være 1-12, ikke {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/delivery_runs.py" line="166" />
      <source>No MBE base is set up: add one under reference data.</source>
      <translation>Der er ikke oprettet nogen MBE-base: tilføj en under referencedata.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/parties.py" line="104" />
      <source>No SOR address is configured for the municipality {0}: an admin must add it as a message party.</source>
      <translation>Der er ingen SOR-adresse for kommunen {0}: en administrator skal tilføje den som meddelelsespart.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/parties.py" line="104" />
      <source>No SOR address is configured for the patient's GP '{0}': an admin must add it as a message party.</source>
      <translation>Der er ingen SOR-adresse for patientens egen læge '{0}': en administrator skal tilføje den som meddelelsespart.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/parties.py" line="104" />
      <source>No SOR address is configured for the patient's GP (none recorded): an admin must add it as a message party.</source>
      <translation>Der er ingen SOR-adresse for patientens egen læge (ingen registreret): en administrator skal tilføje den som meddelelsespart.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="91" />
      <location filename="../../console/services/core/audit_log.py" line="96" />
      <location filename="../../console/services/core/audit_log.py" line="115" />
      <source>No admission with id {0}.</source>
      <translation>Ingen indlæggelse med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="95" />
      <source>No admission with id {0}: choose the patient from the census.</source>
      <translation>Ingen indlæggelse med id {0}: vælg patienten fra belægningen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/patient_search.py" line="81" />
      <source>No admitted patient for admission with id {0}.</source>
      <translation>Ingen indlagt patient til indlæggelsen med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="102" />
      <source>No admitted patient with CPR {0}-XXXX.</source>
      <translation>Ingen indlagt patient med CPR {0}-XXXX.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/files.py" line="80" />
      <source>No attachment with id {0}.</source>
      <translation>Ingen vedhæftning med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="222" />
      <location filename="../../console/services/dispatch/route_sheets.py" line="120" />
      <location filename="../../console/services/dispatch/routes.py" line="182" />
      <source>No car in a shift with id {0}.</source>
      <translation>Ingen bil på vagt med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/deliveries.py" line="103" />
      <location filename="../../console/services/logistics/handover.py" line="61" />
      <source>No delivery with id {0}.</source>
      <translation>Ingen levering med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/directory.py" line="99" />
      <location filename="../../console/services/escalations/directory.py" line="184" />
      <source>No directory contact with id {0}.</source>
      <translation>Ingen kontakt i kontaktbogen med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="148" />
      <location filename="../../console/services/escalations/escalations.py" line="286" />
      <source>No escalation with id {0}.</source>
      <translation>Ingen henvendelse med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="178" />
      <source>No flagged access with id {0}.</source>
      <translation>Intet markeret opslag med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/files.py" line="58" />
      <location filename="../../console/services/messaging/matching.py" line="29" />
      <location filename="../../console/services/messaging/reads.py" line="171" />
      <source>No message with id {0}.</source>
      <translation>Ingen meddelelse med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/parties.py" line="59" />
      <source>No municipality '{0}'.</source>
      <translation>Ingen kommune '{0}'.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/outbox.py" line="305" />
      <source>No outgoing message with id {0}.</source>
      <translation>Ingen udgående meddelelse med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/parties.py" line="66" />
      <source>No party {0}.</source>
      <translation>Ingen part {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/from_message.py" line="24" />
      <location filename="../../console/services/messaging/outbox.py" line="156" />
      <location filename="../../console/services/messaging/outbox.py" line="186" />
      <source>No received correspondence message with id {0}.</source>
      <translation>Ingen modtaget korrespondancemeddelelse med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/inbox.py" line="246" />
      <source>No received message with id {0}.</source>
      <translation>Ingen modtaget meddelelse med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referrals.py" line="198" />
      <source>No referral with id {0}.</source>
      <translation>Ingen henvisning med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/course.py" line="151" />
      <source>No regimen with id {0}.</source>
      <translation>Ingen ordination med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/rounds/rounds.py" line="226" />
      <location filename="../../console/services/rounds/rounds.py" line="354" />
      <location filename="../../console/services/rounds/rounds.py" line="366" />
      <source>No round with id {0}.</source>
      <translation>Ingen stuegang med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="164" />
      <source>No shift with id {0}.</source>
      <translation>Ingen vagt med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="197" />
      <source>No shifts in the week from {0} to copy.</source>
      <translation>Ingen vagter at kopiere i ugen fra {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admissions.py" line="130" />
      <source>No tariff '{0}' is configured: an admin must enter the region's tariff model first.</source>
      <translation>Taksten '{0}' er ikke opsat: en administrator skal først indtaste regionens takstmodel.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/visits.py" line="89" />
      <location filename="../../console/services/dispatch/board.py" line="238" />
      <location filename="../../console/services/dispatch/board.py" line="267" />
      <source>No visit with id {0}.</source>
      <translation>Intet besøg med id {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/errors.py" line="80" />
      <location filename="../../console/services/core/uow.py" line="80" />
      <location filename="../../console/services/messaging/outbox.py" line="318" />
      <source>No {0} with id {1}.</source>
      <translation>Intet fundet ({0}) med id {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/task_records.py" line="51" />
      <source>Only a PVK placement visit records a new IV access.</source>
      <translation>Kun et besøg med PVK-anlæggelse registrerer en ny IV-adgang.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/iv_access.py" line="66" />
      <location filename="../../console/services/course/task_records.py" line="71" />
      <source>Only a running course gets a new IV access.</source>
      <translation>Kun et igangværende forløb kan få en ny IV-adgang.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="194" />
      <source>Plan each infusion so staff stay less than one hour (1-59 minutes).</source>
      <translation>Planlæg hver infusion, så personalet er der under en time (1-59 minutter).</translation>
    </message>
    <message>
      <location filename="../../console/services/core/audit_log.py" line="114" />
      <source>Purpose is one of {0}.</source>
      <translation>Formålet er et af {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="74" />
      <source>R-CAPACITY: {0} / {1} admitted after this admission (over capacity).</source>
      <translation>R-CAPACITY: {0} / {1} indlagt efter denne indlæggelse (over kapacitet).</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="132" />
      <source>R-CONTACT routes this call to the {0}; give a reason to route it elsewhere.</source>
      <translation>R-CONTACT sender dette opkald til {0}; angiv en begrundelse for at sende det andetsteds hen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/eligibility.py" line="72" />
      <source>Record the talk with the municipality before admitting.</source>
      <translation>Notér samtalen med kommunen før indlæggelse.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/eligibility.py" line="72" />
      <source>Record the talk with the referrer before admitting.</source>
      <translation>Notér samtalen med henviseren før indlæggelse.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="141" />
      <source>Record who informed the patient (initials).</source>
      <translation>Registrér, hvem der informerede patienten (initialer).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="137" />
      <source>Record who informed the patient about home treatment, and when.</source>
      <translation>Registrér, hvem der informerede patienten om hjemmebehandling, og hvornår.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="174" />
      <source>Say what is questioned: the note goes to whoever follows it up.</source>
      <translation>Skriv hvad der sættes spørgsmålstegn ved: noten går til den, der følger op.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/task_records.py" line="59" />
      <source>Say which access was placed (R-ACCESS); a visit that placed none is registered as missed.</source>
      <translation>Angiv hvilken adgang der blev anlagt (R-ACCESS); et besøg, der ikke anlagde nogen, registreres som ikke gennemført.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/agreement.py" line="85" />
      <source>Say who at the municipality accepted the course.</source>
      <translation>Angiv hvem i kommunen der har accepteret forløbet.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="127" />
      <source>Say why in a sentence (at least {0} characters): the reason is what a reviewer reads.</source>
      <translation>Skriv hvorfor i en sætning (mindst {0} tegn): begrundelsen er det, den der gennemgår, læser.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/iv_access.py" line="75" />
      <location filename="../../console/services/course/task_records.py" line="71" />
      <source>Say why the access is replaced (blocked, lost, removed…).</source>
      <translation>Skriv hvorfor adgangen udskiftes (stoppet, faldet ud, fjernet …).</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/deliveries.py" line="113" />
      <source>Say why the delivery failed.</source>
      <translation>Angiv, hvorfor leveringen mislykkedes.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/agreement.py" line="102" />
      <source>Say why the municipality refuses the course.</source>
      <translation>Angiv hvorfor kommunen afviser forløbet.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/visits.py" line="160" />
      <source>Say why the visit was missed.</source>
      <translation>Angiv, hvorfor besøget blev misset.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access.py" line="33" />
      <source>Sign in first: only a {0} may {1}.</source>
      <translation>Log ind først: kun en {0} må {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="66" />
      <source>Sign in first: only the ward's staff open a record.</source>
      <translation>Log ind først: kun afdelingens personale åbner journaler.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/errors.py" line="131" />
      <location filename="../../console/services/core/operations.py" line="153" />
      <source>Something unexpected went wrong ({0}); the log has the details under reference {1}.</source>
      <translation>Der skete en uventet fejl ({0}); loggen har detaljerne under reference {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/cpr.py" line="41" />
      <source>The CPR number does not start with a real date of birth (DDMMYY).</source>
      <translation>CPR-nummeret begynder ikke med en gyldig fødselsdato (DDMMÅÅ).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="248" />
      <source>The CRP day is a course day (1 or later).</source>
      <translation>CRP-dagen er en dag i forløbet (1 eller senere).</translation>
    </message>
    <message>
      <location filename="../../console/services/rounds/rounds.py" line="304" />
      <source>The CRP day was {0} days ago and no CRP taken since is on file: the round cannot be signed until the CRP is added, or you record why another day is chosen.</source>
      <translation>CRP-dagen var for {0} dage siden, og der er ingen CRP taget siden: stuegangen kan ikke underskrives, før CRP er tilføjet, eller du har noteret, hvorfor en anden dag vælges.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="215" />
      <source>The IV access cannot be removed before the course starts.</source>
      <translation>IV-adgangen kan ikke fjernes, før forløbet starter.</translation>
    </message>
    <message>
      <location filename="../../console/services/rounds/rounds.py" line="353" />
      <source>The addendum is empty.</source>
      <translation>Tillægget er tomt.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="118" />
      <source>The admission time {0} is more than {1} days before or {2} days after now: check the date.</source>
      <translation>Indlæggelsestidspunktet {0} ligger mere end {1} dage før eller {2} dage efter nu: kontrollér datoen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/iv_access.py" line="100" />
      <source>The course has no regimen line.</source>
      <translation>Forløbet har ingen ordinationslinje.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="67" />
      <source>The course price cannot be negative.</source>
      <translation>Forløbsprisen kan ikke være negativ.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="211" />
      <source>The course starts more than {0} days after admission: check the start date.</source>
      <translation>Forløbet starter mere end {0} dage efter indlæggelsen: kontrollér startdatoen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="345" />
      <source>The crew text is at most 200 characters.</source>
      <translation>Besætningsteksten er højst 200 tegn.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/errors.py" line="148" />
      <source>The database refused this (permission denied): your database login does not hold the role for it. Ask an admin to check your roles.</source>
      <translation>Databasen afviste dette (adgang nægtet): dit databaselogin har ikke rollen til det. Bed en administrator om at kontrollere dine roller.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/errors.py" line="148" />
      <source>The database refused this ({0}): your database login does not hold the role for it. Ask an admin to check your roles.</source>
      <translation>Databasen afviste dette ({0}): dit databaselogin har ikke rollen til det. Bed en administrator om at kontrollere dine roller.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="72" />
      <source>The day rate cannot be negative.</source>
      <translation>Dagstaksten kan ikke være negativ.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="74" />
      <source>The day rate starts from day 1 or later.</source>
      <translation>Dagstaksten gælder fra dag 1 eller senere.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="199" />
      <source>The doses sent with the patient are 0 to {0} (the whole course); {1} is outside that.</source>
      <translation>Doserne sendt med patienten er 0 til {0} (hele forløbet); {1} ligger uden for det.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/parties.py" line="84" />
      <source>The eHospital's own SOR id is not configured: an admin must add the hospital as a message party.</source>
      <translation>eHospitalets eget SOR-id er ikke sat op: en administrator skal tilføje hospitalet som meddelelsespart.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/course.py" line="210" />
      <source>The end date cannot be before the course start.</source>
      <translation>Slutdatoen kan ikke ligge før forløbets start.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/agreement.py" line="159" />
      <source>The epikrise has not been sent to the GP: send it, record that it was sent from the EPR, or give the reason it is not sent. The eHospital keeps the treatment responsibility until the GP has it.</source>
      <translation>Epikrisen er ikke sendt til egen læge: send den, registrér at den er sendt fra EPJ, eller angiv hvorfor den ikke sendes. eHospitalet har behandlingsansvaret, indtil egen læge har den.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="208" />
      <source>The home course cannot start before the admission day.</source>
      <translation>Hjemmeforløbet kan ikke starte før indlæggelsesdagen.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="76" />
      <source>The month rate cannot be negative.</source>
      <translation>Månedstaksten kan ikke være negativ.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/iv_access.py" line="78" />
      <location filename="../../console/services/course/task_records.py" line="71" />
      <source>The new access cannot be placed before the current one.</source>
      <translation>Den nye adgang kan ikke være anlagt før den nuværende.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/orders.py" line="58" />
      <location filename="../../console/services/escalations/escalations.py" line="194" />
      <source>The note is at most {0} characters.</source>
      <translation>Noten er højst {0} tegn.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="173" />
      <source>The note is empty.</source>
      <translation>Noten er tom.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="171" />
      <source>The outcome is one of {0}.</source>
      <translation>Resultatet er et af: {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="106" />
      <source>The patient is not admitted: an escalation belongs to an admitted patient.</source>
      <translation>Patienten er ikke indlagt: en henvendelse hører til en indlagt patient.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="87" />
      <source>The patient is {0} on admission; the eHospital admits patients aged {1} or older.</source>
      <translation>Patienten er {0} år ved indlæggelsen; e-hospitalet indlægger patienter på {1} år eller derover.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="93" />
      <source>The patient is {0}: record who informed the parents and when (a patient of {1}-{2} consents alone; the parents are informed).</source>
      <translation>Patienten er {0}: notér hvem der informerede forældrene og hvornår (en patient på {1}-{2} år samtykker selv; forældrene informeres).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="144" />
      <source>The patient must also have had written information.</source>
      <translation>Patienten skal også have fået skriftlig information.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/periods.py" line="27" />
      <location filename="../../console/services/monitoring/settlement.py" line="236" />
      <source>The period ends before it starts.</source>
      <translation>Perioden slutter, før den begynder.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/labs.py" line="168" />
      <source>The place is poct (at the bedside) or laboratory.</source>
      <translation>Stedet er poct (patientnært) eller laboratory (laboratoriet).</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="331" />
      <source>The plan puts more than {0} cars on the road in one shift (R-SHIFT); plan again.</source>
      <translation>Planen sætter mere end {0} biler på vejen i én vagt (R-SHIFT); planlæg igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="243" />
      <source>The planned end {0} is before the last dose day {1}.</source>
      <translation>Den planlagte slutdato {0} ligger før sidste dosisdag {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/iv_access.py" line="71" />
      <location filename="../../console/services/course/task_records.py" line="71" />
      <source>The planned removal cannot be before the placement.</source>
      <translation>Den planlagte fjernelse kan ikke ligge før anlæggelsen.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="65" />
      <source>The price level's year is a year, e.g. 2025.</source>
      <translation>Prisniveauets år er et årstal, f.eks. 2025.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="329" />
      <source>The reason is at most 200 characters.</source>
      <translation>Begrundelsen er højst 200 tegn.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="78" />
      <source>The region's share is 0-100 %; the municipality pays the rest.</source>
      <translation>Regionens andel er 0-100 %; kommunen betaler resten.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/settlement.py" line="111" />
      <source>The region's share must be 0-100 %, not {0}.</source>
      <translation>Regionens andel skal være 0-100 %, ikke {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/rounds/rounds.py" line="233" />
      <source>The round was signed by {0}; it is read-only now. Add an addendum instead.</source>
      <translation>Stuegangen er underskrevet af {0}; den er nu skrivebeskyttet. Tilføj et tillæg i stedet.</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/deliveries.py" line="83" />
      <source>The stock at home covers every remaining dose: nothing to deliver. Give the items to send anyway.</source>
      <translation>Lageret i hjemmet dækker alle resterende doser: der er intet at levere. Angiv de varer, der skal sendes alligevel.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="120" />
      <source>The time limit must be a positive number of seconds and the iterations a positive number.</source>
      <translation>Tidsgrænsen skal være et positivt antal sekunder og antallet af iterationer et positivt tal.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="178" />
      <source>The weeks overlap: the target starts 7 days or more later.</source>
      <translation>Ugerne overlapper: måluget begynder 7 dage eller mere senere.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/orders.py" line="51" />
      <location filename="../../console/services/escalations/escalations.py" line="194" />
      <source>The window closed at {0}: give a window that is still ahead.</source>
      <translation>Tidsvinduet lukkede {0}: angiv et tidsvindue, der ligger forude.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/orders.py" line="49" />
      <location filename="../../console/services/escalations/escalations.py" line="194" />
      <source>The window must end after it starts.</source>
      <translation>Tidsvinduet skal slutte, efter det begynder.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/input_schema.py" line="179" />
      <source>The {0} must be a JSON object.</source>
      <translation>{0} skal være et JSON-objekt.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="316" />
      <location filename="../../console/services/dispatch/rota.py" line="246" />
      <source>The {0} shift at {1} already has {2} cars in service; at most {3} (R-SHIFT).</source>
      <translation>Vagten ({0}) på {1} har allerede {2} biler i drift; højst {3} (R-SHIFT).</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="137" />
      <source>The {0} shift at {1} already has {2} cars on the road; at most {3} (R-SHIFT). Put the visit on one of them.</source>
      <translation>Vagten ({0}) på {1} har allerede {2} biler på vejen; højst {3} (R-SHIFT). Sæt besøget på en af dem.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="87" />
      <location filename="../../console/services/logistics/delivery_runs.py" line="171" />
      <source>There is no MBE base called {0} (bases: {1}).</source>
      <translation>Der er ingen MBE-base, der hedder {0} (baser: {1}).</translation>
    </message>
    <message>
      <location filename="../../console/services/course/orders.py" line="31" />
      <source>There is no MBE task '{0}'. The tasks are: {1}.</source>
      <translation>Der findes ingen MBE-opgave '{0}'. Opgaverne er: {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="201" />
      <source>There is no car with call sign {0}.</source>
      <translation>Der er ingen bil med kaldesignalet {0}.</translation>
    </message>
    <message>
      <location filename="../../console/services/monitoring/tariff_admin.py" line="94" />
      <source>There is no such tariff to change; leave --version out to add it.</source>
      <translation>Der er ingen sådan takst at ændre; udelad --version for at tilføje den.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="182" />
      <source>This access review was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Denne gennemgang blev ændret fra en anden arbejdsplads, efter du åbnede den. Genindlæs for at se ændringen, og lav derefter din igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="182" />
      <source>This access review was changed by another desk at {0} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Denne gennemgang blev ændret fra en anden arbejdsplads kl. {0}, efter du åbnede den. Genindlæs for at se ændringen, og lav derefter din igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="182" />
      <source>This access review was changed by {0} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Denne gennemgang blev ændret af {0}, efter du åbnede den. Genindlæs for at se ændringen, og lav derefter din igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="182" />
      <source>This access review was changed by {0} at {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Denne gennemgang blev ændret af {0} kl. {1}, efter du åbnede den. Genindlæs for at se ændringen, og lav derefter din igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="297" />
      <source>This car {0} was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Bil {0} blev ændret af en anden arbejdsplads, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="297" />
      <source>This car {0} was changed by another desk at {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Bil {0} blev ændret af en anden arbejdsplads kl. {1}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="297" />
      <source>This car {0} was changed by {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Bil {0} blev ændret af {1}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="297" />
      <source>This car {0} was changed by {1} at {2} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Bil {0} blev ændret af {1} kl. {2}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/demo/seed.py" line="82" />
      <source>This database already holds the demo ward of {0}; it cannot also hold one of {1}. Seed {2} again, or use a new database.</source>
      <translation>Databasen rummer allerede demoafdelingen for {0}; den kan ikke også rumme en for {1}. Opret {2} igen, eller brug en ny database.</translation>
    </message>
    <message>
      <location filename="../../console/services/logistics/handover.py" line="70" />
      <source>This delivery is already with the MBE (visit {0}).</source>
      <translation>Leveringen er allerede hos MBE (besøg {0}).</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="162" />
      <source>This escalation (already acknowledged) was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Henvendelsen (allerede kvitteret) blev ændret af en anden arbejdsplads, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="162" />
      <source>This escalation (already acknowledged) was changed by another desk at {0} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Henvendelsen (allerede kvitteret) blev ændret af en anden arbejdsplads kl. {0}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="162" />
      <source>This escalation (already acknowledged) was changed by {0} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Henvendelsen (allerede kvitteret) blev ændret af {0}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="162" />
      <source>This escalation (already acknowledged) was changed by {0} at {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Henvendelsen (allerede kvitteret) blev ændret af {0} kl. {1}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="240" />
      <source>This escalation (already resolved) was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Henvendelsen (allerede afsluttet) blev ændret af en anden arbejdsplads, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="240" />
      <source>This escalation (already resolved) was changed by another desk at {0} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Henvendelsen (allerede afsluttet) blev ændret af en anden arbejdsplads kl. {0}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="240" />
      <source>This escalation (already resolved) was changed by {0} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Henvendelsen (allerede afsluttet) blev ændret af {0}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="240" />
      <source>This escalation (already resolved) was changed by {0} at {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Henvendelsen (allerede afsluttet) blev ændret af {0} kl. {1}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/rounds/rounds.py" line="301" />
      <source>This is the CRP day of an antibiotic course and no CRP result is on file: add the CRP, or record why another day is chosen.</source>
      <translation>Det er CRP-dag i et antibiotikaforløb, og der er intet CRP-svar: tilføj CRP, eller registrér hvorfor en anden dag er valgt.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="295" />
      <source>This plan (a car was removed) was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Planen (en bil er fjernet) blev ændret af en anden arbejdsplads, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/operations.py" line="150" />
      <location filename="../../console/services/core/uow.py" line="44" />
      <source>This record was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Journalen blev ændret af en anden arbejdsplads, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referrals.py" line="206" />
      <source>This referral was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Denne henvisning blev ændret fra en anden arbejdsplads, efter du åbnede den. Genindlæs for at se ændringen, og foretag så din igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referrals.py" line="206" />
      <source>This referral was changed by another desk at {0} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Denne henvisning blev ændret fra en anden arbejdsplads kl. {0}, efter du åbnede den. Genindlæs for at se ændringen, og foretag så din igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referrals.py" line="206" />
      <source>This referral was changed by {0} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Denne henvisning blev ændret af {0}, efter du åbnede den. Genindlæs for at se ændringen, og foretag så din igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referrals.py" line="206" />
      <source>This referral was changed by {0} at {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Denne henvisning blev ændret af {0} kl. {1}, efter du åbnede den. Genindlæs for at se ændringen, og foretag så din igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="311" />
      <source>This route (visit {0} was put on a car) was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Ruten (besøg {0} er sat på en bil) blev ændret af en anden arbejdsplads, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="311" />
      <source>This route (visit {0} was put on a car) was changed by another desk at {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Ruten (besøg {0} er sat på en bil) blev ændret af en anden arbejdsplads kl. {1}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="311" />
      <source>This route (visit {0} was put on a car) was changed by {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Ruten (besøg {0} er sat på en bil) blev ændret af {1}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="311" />
      <source>This route (visit {0} was put on a car) was changed by {1} at {2} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Ruten (besøg {0} er sat på en bil) blev ændret af {1} kl. {2}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/task_records.py" line="44" />
      <source>This visit does not record {0}: its task records no lab result.</source>
      <translation>Dette besøg registrerer ikke {0}: dets opgave registrerer ingen prøvesvar.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/task_records.py" line="44" />
      <source>This visit does not record {0}: its task records {1}.</source>
      <translation>Dette besøg registrerer ikke {0}: dets opgave registrerer {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="304" />
      <source>This visit {0} (removed) was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Besøg {0} (fjernet) blev ændret af en anden arbejdsplads, efter du åbnede det. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="214" />
      <location filename="../../console/services/dispatch/planner.py" line="306" />
      <source>This visit {0} was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Besøg {0} blev ændret af en anden arbejdsplads, efter du åbnede det. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="214" />
      <location filename="../../console/services/dispatch/planner.py" line="306" />
      <source>This visit {0} was changed by another desk at {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Besøg {0} blev ændret af en anden arbejdsplads kl. {1}, efter du åbnede det. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="214" />
      <location filename="../../console/services/dispatch/planner.py" line="306" />
      <source>This visit {0} was changed by {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Besøg {0} blev ændret af {1}, efter du åbnede det. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="214" />
      <location filename="../../console/services/dispatch/planner.py" line="306" />
      <source>This visit {0} was changed by {1} at {2} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Besøg {0} blev ændret af {1} kl. {2}, efter du åbnede det. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/errors.py" line="93" />
      <location filename="../../console/services/core/uow.py" line="70" />
      <source>This {0} was changed by another desk after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Posten ({0}) blev ændret af en anden arbejdsplads, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/errors.py" line="93" />
      <location filename="../../console/services/core/uow.py" line="70" />
      <source>This {0} was changed by another desk at {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Posten ({0}) blev ændret af en anden arbejdsplads kl. {1}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/errors.py" line="93" />
      <location filename="../../console/services/core/uow.py" line="70" />
      <source>This {0} was changed by {1} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Posten ({0}) blev ændret af {1}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/errors.py" line="93" />
      <location filename="../../console/services/core/uow.py" line="70" />
      <source>This {0} was changed by {1} at {2} after you opened it. Reload to see their change, then apply yours again.</source>
      <translation>Posten ({0}) blev ændret af {1} kl. {2}, efter du åbnede den. Genindlæs for at se ændringen, og anvend derefter din egen igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/visits.py" line="117" />
      <source>Time spent with the patient must be 1-599 minutes.</source>
      <translation>Tid hos patienten skal være 1-599 minutter.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/labs.py" line="111" />
      <source>Unknown analysis '{0}': use one of {1}.</source>
      <translation>Ukendt analyse '{0}': brug en af {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referrals.py" line="143" />
      <source>Unknown eligibility item '{0}': use {1}.</source>
      <translation>Ukendt visitationspunkt '{0}': brug {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/reads.py" line="159" />
      <source>Unknown message state '{0}': one of {1}.</source>
      <translation>Ukendt meddelelsestilstand '{0}': en af {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="96" />
      <source>Visit {0} ({1}) is already {2}; only planned visits can be put on a car.</source>
      <translation>Besøg {0} ({1}) er allerede {2}; kun planlagte besøg kan sættes på en bil.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="92" />
      <source>Visit {0} ({1}) is given by the municipality. The MBE only takes it over when the e-nurse hands it to the MBE (R-MBE-SUPPORT).</source>
      <translation>Besøg {0} ({1}) gives af kommunen. MBE overtager det kun, når e-sygeplejersken overdrager det til MBE (R-MBE-SUPPORT).</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="100" />
      <source>Visit {0} ({1}) is planned for {2} min; a visit must be under {3} min (R-VISIT-LEN). Shorten it first.</source>
      <translation>Besøg {0} ({1}) er planlagt til {2} min; et besøg skal vare under {3} min (R-VISIT-LEN). Afkort det først.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="123" />
      <source>Visit {0} ({1}) needs {2}, which {3}'s crew does not have (R-CREW-SKILL): choose a car whose crew has it, or add it in brackets after a name in the crew.</source>
      <translation>Besøg {0} ({1}) kræver {2}, som besætningen på {3} ikke har (R-CREW-SKILL): vælg en bil, hvis besætning har kompetencen, eller skriv den i firkantede parenteser efter et navn i besætningen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="129" />
      <source>Visit {0} ({1})'s window {2}–{3} ({4} min) does not fit {5}'s {6} shift {7}–{8}: it must start and end inside the shift (R-SHIFT).</source>
      <translation>Tidsvinduet for besøg {0} ({1}), {2}–{3} ({4} min), passer ikke ind i vagten ({6}) for {5} {7}–{8}: besøget skal starte og slutte inden for vagten (R-SHIFT).</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="350" />
      <source>Visit {0} at {1} is outside its window or {2}'s shift; plan again.</source>
      <translation>Besøg {0} kl. {1} ligger uden for sit tidsvindue eller vagten for {2}; planlæg igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/visits.py" line="92" />
      <source>Visit {0} is already {1}; it cannot be registered again.</source>
      <translation>Besøg {0} er allerede {1}; det kan ikke registreres igen.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="270" />
      <source>Visit {0} is already {1}; it stays on the car that made it.</source>
      <translation>Besøg {0} er allerede {1}; det bliver på den bil, der kørte det.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="291" />
      <source>Visit {0} is already {1}; there is nothing left to plan.</source>
      <translation>Besøg {0} er allerede {1}; der er intet tilbage at planlægge.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="288" />
      <source>Visit {0} is in the tray; put it on a car before pinning it there.</source>
      <translation>Besøg {0} ligger på ventelisten; sæt det på en bil, før du fastlåser det der.</translation>
    </message>
    <message>
      <location filename="../../console/services/escalations/escalations.py" line="115" />
      <source>Who called? Give the caller's name.</source>
      <translation>Hvem ringede? Angiv indringerens navn.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/cpr.py" line="32" />
      <source>Write the CPR number with the digits 0-9 only.</source>
      <translation>Skriv CPR-nummeret kun med cifrene 0-9.</translation>
    </message>
    <message>
      <location filename="../../console/services/rounds/rounds.py" line="296" />
      <source>Write the assessment or plan before signing.</source>
      <translation>Skriv vurderingen eller planen, før du underskriver.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/dose.py" line="44" />
      <source>Write the dose as an amount and a unit, e.g. 4 g (units: {0}).</source>
      <translation>Skriv dosis som en mængde og en enhed, f.eks. 4 g (enheder: {0}).</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/careplan.py" line="127" />
      <source>Write the epikrise.</source>
      <translation>Skriv epikrisen.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/outbox.py" line="117" />
      <location filename="../../console/services/messaging/outbox.py" line="173" />
      <location filename="../../console/services/messaging/outbox.py" line="199" />
      <source>Write the message text.</source>
      <translation>Skriv meddelelsens tekst.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/labs.py" line="124" />
      <source>Write the {0} result as a number in {1}, e.g. {2} {3}.</source>
      <translation>Skriv {0}-svaret som et tal i {1}, fx {2} {3}.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="95" />
      <source>You have no current role for this patient (not on the ward now, discharged more than {0} days ago, or your role is not clinical). Give the purpose of opening the record: the opening is logged with it and flagged for review, and lasts {1} hours.</source>
      <translation>Du har ingen aktuel relation til denne patient (ikke indlagt i afdelingen nu, udskrevet for mere end {0} dage siden, eller din rolle er ikke klinisk). Angiv formålet med at åbne journalen: opslaget logges med det og markeres til gennemgang og varer {1} timer.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="139" />
      <source>cannot be placed together with {0}: these {1} visits can only be served by the {2} car(s) in service {3} (R-SHIFT) and no car can serve two of them within their windows; widen a window, move one to another shift, or add a car</source>
      <translation>kan ikke planlægges sammen med {0}: disse {1} besøg kan kun klares af de {2} bil(er) i drift {3} (R-SHIFT), og ingen bil kan nå to af dem inden for deres tidsvinduer; udvid et tidsvindue, flyt et til en anden vagt, eller sæt en bil mere ind</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="180" />
      <source>its window closed at {0}: register it as done or missed, or give it a new window</source>
      <translation>vinduet lukkede kl. {0}: registrér besøget som udført eller udeblevet, eller giv det et nyt vindue</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="51" />
      <source>needs {0} and no crew in service in the {1} shift at any base has it (R-CREW-SKILL): write a crew's competences in brackets after its names, e.g. [{2}]</source>
      <translation>kræver {0}, og ingen besætning i drift i {1}vagten på nogen base har det (R-CREW-SKILL): skriv en besætnings kompetencer i firkantede parenteser efter navnene, f.eks. [{2}]</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="51" />
      <source>needs {0} and no crew in service in the {1} shift at {2} has it (R-CREW-SKILL): write a crew's competences in brackets after its names, e.g. [{3}]</source>
      <translation>kræver {0}, og ingen besætning i drift i {1}vagten i {2} har det (R-CREW-SKILL): skriv en besætnings kompetencer i firkantede parenteser efter navnene, f.eks. [{3}]</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="54" />
      <source>no car in service in the {0} shift at any base (R-SHIFT)</source>
      <translation>ingen bil i drift i {0}vagten på nogen base (R-SHIFT)</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="54" />
      <source>no car in service in the {0} shift at {1} (R-SHIFT)</source>
      <translation>ingen bil i drift i {0}vagten i {1} (R-SHIFT)</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="143" />
      <source>no room: the {0} car(s) that could reach it ({1}) are busy with other visits in {2}–{3}; put it on a car by hand to see what it would break, or add a car</source>
      <translation>ingen plads: de {0} bil(er), der kan nå frem ({1}), er optaget af andre besøg {2}–{3}; sæt det på en bil i hånden for at se, hvad det ville bryde, eller sæt en bil mere ind</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="67" />
      <source>not reachable within its window and shift from any base: needs {0} min travel each way from {1}, so the car would be back at {2} at best, {3} min after the {4} shift ends at {5} (R-SHIFT)</source>
      <translation>kan ikke nås inden for vindue og vagt fra nogen base: kræver {0} min kørsel hver vej fra {1}, så bilen tidligst er tilbage kl. {2}, {3} min efter at {4}vagten slutter kl. {5} (R-SHIFT)</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="64" />
      <source>not reachable within its window from any base: needs {0} min travel from {1}, so it would start at {2} at best, {3} min after the window closes at {4}</source>
      <translation>kan ikke nås inden for vinduet fra nogen base: kræver {0} min kørsel fra {1}, så det tidligst kan begynde kl. {2}, {3} min efter at vinduet lukker kl. {4}</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="131" />
      <source>pinned to its car, whose route has no room for it in {0}–{1} alongside its other visits; left as it was: unpin it or move a visit</source>
      <translation>fastlåst til sin bil, hvis rute ikke har plads til det {0}–{1} ved siden af de andre besøg; ladt som det var: frigør det eller flyt et besøg</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="156" />
      <source>pinned to {0}, which is out of service; left as it was: unpin it or move it by hand</source>
      <translation>fastlåst til {0}, som er ude af drift; ladt som det var: frigør det eller flyt det i hånden</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/planner.py" line="156" />
      <source>pinned to {0}, which is over the car limit of its shift; left as it was: unpin it or move it by hand</source>
      <translation>fastlåst til {0}, som er over vagtens bilgrænse; ladt som det var: frigør det eller flyt det i hånden</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="131" />
      <source>pinned to {0}, whose route has no room for it in {1}–{2} alongside its other visits; left as it was: unpin it or move a visit</source>
      <translation>fastlåst til {0}, hvis rute ikke har plads til det {1}–{2} ved siden af de andre besøg; ladt som det var: frigør det eller flyt et besøg</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="32" />
      <source>planned for {0} min; a visit must be under {1} min (R-VISIT-LEN)</source>
      <translation>planlagt til {0} min; et besøg skal vare under {1} min (R-VISIT-LEN)</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="37" />
      <source>there is no MBE shift on this day</source>
      <translation>der er ingen MBE-vagt denne dag</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="37" />
      <source>there is no MBE shift on this day for the chosen base/shift</source>
      <translation>der er ingen MBE-vagt denne dag for den valgte base/vagt</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/plan_reasons.py" line="44" />
      <source>window {0}–{1} ({2} min) is outside every shift ({3}) (R-SHIFT)</source>
      <translation>vinduet {0}–{1} ({2} min) ligger uden for alle vagter ({3}) (R-SHIFT)</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="141" />
      <source>{0} already has a {1} shift on {2}; add cars to it instead.</source>
      <translation>{0} har allerede en {1}-vagt den {2}; tilføj biler til den i stedet.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="240" />
      <source>{0} belongs to another base than {1}.</source>
      <translation>{0} hører til en anden base end {1}.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="161" />
      <source>{0} cannot take visit {1} at any point of its route: at best it is back at {2} at {3}, {4} min after the {5} shift ends at {6} (R-SHIFT).</source>
      <translation>{0} kan ikke tage besøg {1} noget sted på sin rute: i bedste fald er bilen tilbage på {2} kl. {3}, {4} min efter at vagten ({5}) slutter kl. {6} (R-SHIFT).</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="161" />
      <source>{0} cannot take visit {1} at any point of its route: at best it is back at {2} at {3}, {4} min after the {5} shift ends at {6} (R-SHIFT). Its route is already late without this visit: re-plan it or move a visit off it.</source>
      <translation>{0} kan ikke tage besøg {1} noget sted på sin rute: i bedste fald er bilen tilbage på {2} kl. {3}, {4} min efter at vagten ({5}) slutter kl. {6} (R-SHIFT). Ruten er allerede forsinket uden dette besøg: planlæg den igen, eller flyt et besøg væk fra den.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="161" />
      <source>{0} cannot take visit {1} at any point of its route: at best it would start at {2}, {3} min after its window closes at {4} (R-SHIFT).</source>
      <translation>{0} kan ikke tage besøg {1} noget sted på sin rute: i bedste fald ville det starte kl. {2}, {3} min efter at dets tidsvindue lukker kl. {4} (R-SHIFT).</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="161" />
      <source>{0} cannot take visit {1} at any point of its route: at best it would start at {2}, {3} min after its window closes at {4} (R-SHIFT). Its route is already late without this visit: re-plan it or move a visit off it.</source>
      <translation>{0} kan ikke tage besøg {1} noget sted på sin rute: i bedste fald ville det starte kl. {2}, {3} min efter at dets tidsvindue lukker kl. {4} (R-SHIFT). Ruten er allerede forsinket uden dette besøg: planlæg den igen, eller flyt et besøg væk fra den.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="161" />
      <source>{0} cannot take visit {1} at any point of its route: at best visit {2} would start at {3}, {4} min after its window closes at {5} (R-SHIFT).</source>
      <translation>{0} kan ikke tage besøg {1} noget sted på sin rute: i bedste fald ville besøg {2} starte kl. {3}, {4} min efter at dets tidsvindue lukker kl. {5} (R-SHIFT).</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="161" />
      <source>{0} cannot take visit {1} at any point of its route: at best visit {2} would start at {3}, {4} min after its window closes at {5} (R-SHIFT). Its route is already late without this visit: re-plan it or move a visit off it.</source>
      <translation>{0} kan ikke tage besøg {1} noget sted på sin rute: i bedste fald ville besøg {2} starte kl. {3}, {4} min efter at dets tidsvindue lukker kl. {5} (R-SHIFT). Ruten er allerede forsinket uden dette besøg: planlæg den igen, eller flyt et besøg væk fra den.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="161" />
      <source>{0} cannot take visit {1} at any point of its route: the crew's break would start at {2}, {3} min after the latest start its window allows (R-BREAK).</source>
      <translation>{0} kan ikke tage besøg {1} noget sted på sin rute: besætningens pause ville begynde kl. {2}, {3} min efter det seneste tidspunkt, pausevinduet tillader (R-BREAK).</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="161" />
      <source>{0} cannot take visit {1} at any point of its route: the crew's break would start at {2}, {3} min after the latest start its window allows (R-BREAK). Its route is already late without this visit: re-plan it or move a visit off it.</source>
      <translation>{0} kan ikke tage besøg {1} noget sted på sin rute: besætningens pause ville begynde kl. {2}, {3} min efter det seneste tidspunkt, pausevinduet tillader (R-BREAK). Ruten er allerede forsinket uden dette besøg: planlæg den igen, eller flyt et besøg væk fra den.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="155" />
      <source>{0} cannot take visit {1}: its route would leave no room for the crew's {2}-min break starting between {3} and {4} at {5} (R-BREAK). Choose another car.</source>
      <translation>{0} kan ikke tage besøg {1}: ruten ville ikke give plads til besætningens pause på {2} min med start mellem kl. {3} og {4} i {5} (R-BREAK). Vælg en anden bil.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="225" />
      <source>{0} dose times given for {1} doses a day.</source>
      <translation>{0} doseringstider angivet til {1} doser i døgnet.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="163" />
      <source>{0} has no agreement on {1} municipal administrations a day (at most {2}): choose the MBE as provider or fewer doses.</source>
      <translation>{0} har ingen aftale om {1} kommunale administrationer i døgnet (højst {2}): vælg MBE som udfører eller færre doser.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="202" />
      <source>{0} has no shift on {1}; staff a shift for it first.</source>
      <translation>{0} har ingen vagt {1}; bemand først en vagt til den.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="223" />
      <source>{0} has no {1} shift on {2}; create the shift first.</source>
      <translation>{0} har ingen {1}-vagt den {2}; opret vagten først.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="75" />
      <source>{0} has only {1} cars in use; add a car before staffing more.</source>
      <translation>{0} har kun {1} biler i brug; tilføj en bil før der bemandes flere.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="243" />
      <source>{0} is already on this shift.</source>
      <translation>{0} er allerede på denne vagt.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/labs.py" line="129" />
      <source>{0} is measured in {1}, not {2}.</source>
      <translation>{0} måles i {1}, ikke i {2}.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/board.py" line="118" />
      <source>{0} is not in service in the {1} shift at {2}; put it in service or choose another car.</source>
      <translation>{0} er ikke i drift i vagten ({1}) på {2}; sæt den i drift, eller vælg en anden bil.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access_governance.py" line="69" />
      <source>{0} is not on the ward's staff: sign in as yourself to open a record.</source>
      <translation>{0} er ikke i afdelingens personale: log ind som dig selv for at åbne en journal.</translation>
    </message>
    <message>
      <location filename="../../console/services/dispatch/rota.py" line="211" />
      <source>{0} is on no {1} shift on {2}; create the shift first.</source>
      <translation>{0} er ikke på nogen {1}-vagt den {2}; opret vagten først.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="232" />
      <source>{0} is outside {1}-{2}, when administrations take place.</source>
      <translation>{0} ligger uden for {1}-{2}, hvor administrationerne finder sted.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/access.py" line="35" />
      <source>{0} may not {1}: that needs the role {2}.</source>
      <translation>{0} må ikke {1}: det kræver rollen {2}.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referral.py" line="148" />
      <source>{0} must be a date YYYY-MM-DD.</source>
      <translation>{0} skal være en dato ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/referral.py" line="132" />
      <source>{0} must be an ISO date-time with a UTC offset.</source>
      <translation>{0} skal være et ISO-tidspunkt med UTC-forskydning.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/labs.py" line="133" />
      <source>{0} {1} is not a plausible {2} (expected {3}–{4}): check the number.</source>
      <translation>{0} {1} er ikke en sandsynlig {2} (forventet {3}–{4}): kontrollér tallet.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/admission_rules.py" line="99" />
      <source>{0}-XXXX already has an active admission: discharge it or open it instead.</source>
      <translation>{0}-XXXX har allerede en aktiv indlæggelse: udskriv den, eller åbn den i stedet.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/text_guard.py" line="43" />
      <source>{0}.{1} holds a control character (such as a NUL byte): remove it.</source>
      <translation>{0}.{1} indeholder et kontroltegn (f.eks. en NUL-byte): fjern det.</translation>
    </message>
    <message>
      <location filename="../../console/services/core/text_guard.py" line="41" />
      <source>{0}.{1} is too long: at most {2} characters.</source>
      <translation>{0}.{1} er for lang: højst {2} tegn.</translation>
    </message>
    <message>
      <location filename="../../console/services/messaging/outbox.py" line="106" />
      <source>{0}: MedCom messages carry PDF, PNG, JPEG or GIF files only.</source>
      <translation>{0}: MedCom-meddelelser kan kun have PDF-, PNG-, JPEG- eller GIF-filer med.</translation>
    </message>
    <message>
      <location filename="../../console/services/course/task_records.py" line="55" />
      <source>{0}: give at least one result, or an observation saying why there is none (sent to the laboratory, answer pending).</source>
      <translation>{0}: angiv mindst ét svar, eller en observation om hvorfor der ikke er noget (sendt til laboratoriet, svar afventes).</translation>
    </message>
  </context>
  <context>
    <name>SettlementModel</name>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="83" />
      <source>Admitted</source>
      <translation>Indlagt</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="77" />
      <location filename="../../console/views/dashboard/model.py" line="85" />
      <source>Amount</source>
      <translation>Beløb</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="82" />
      <source>CPR</source>
      <translation>CPR</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="76" />
      <source>Courses</source>
      <translation>Forløb</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="77" />
      <location filename="../../console/views/dashboard/model.py" line="84" />
      <source>Days</source>
      <translation>Dage</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="83" />
      <source>Discharged</source>
      <translation>Udskrevet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="76" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="78" />
      <location filename="../../console/views/dashboard/model.py" line="86" />
      <source>Municipality's share</source>
      <translation>Kommunens andel</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="79" />
      <source>Not settled</source>
      <translation>Ikke afregnet</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="86" />
      <source>Note</source>
      <translation>Bemærkning</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="82" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="78" />
      <location filename="../../console/views/dashboard/model.py" line="85" />
      <source>Region's share</source>
      <translation>Regionens andel</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="84" />
      <source>Tariff</source>
      <translation>Takst</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/model.py" line="103" />
      <source>Total</source>
      <translation>I alt</translation>
    </message>
  </context>
  <context>
    <name>SettlementPanel</name>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="283" />
      <source>CSV file (*.csv)</source>
      <translation>CSV-fil (*.csv)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="218" />
      <source>Choose a municipality above to see its courses.</source>
      <translation>Vælg en kommune ovenfor for at se dens forløb.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="185" />
      <source>Could not load the settlement: {message}</source>
      <translation>Kunne ikke hente afregningen: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="274" />
      <source>Could not write {path}: {error}</source>
      <translation>Kunne ikke skrive {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="135" />
      <source>Courses ended in</source>
      <translation>Forløb afsluttet i</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="280" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="139" />
      <source>Export csv…</source>
      <translation>Eksportér csv…</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="290" />
      <source>Export settlement</source>
      <translation>Eksportér afregning</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="137" />
      <source>Export xlsx…</source>
      <translation>Eksportér xlsx…</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="136" />
      <source>Loading…</source>
      <translation>Henter…</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="138" />
      <source>The workbook to send: a sheet per municipality</source>
      <translation>Projektmappen, der sendes: et ark pr. kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="220" />
      <source>{municipality} — ended courses: {n}</source>
      <translation>{municipality} — afsluttede forløb: {n}</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="243" />
      <source>{n} ended course(s) have no tariff and are not settled (R-TARIFF): set the tariff on the course before sending.</source>
      <translation>{n} afsluttede forløb har ingen takst og er ikke afregnet (R-TARIFF): angiv taksten på forløbet, før der sendes.</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="236" />
      <source>{region} · {month} · price level {years} · {courses} courses · {amount} (region {region_share}, municipalities {municipality_share})</source>
      <translation>{region} · {month} · prisniveau {years} · {courses} forløb · {amount} (region {region_share}, kommuner {municipality_share})</translation>
    </message>
    <message>
      <location filename="../../console/views/dashboard/settlement.py" line="233" />
      <source>{region} · {month}: no course ended.</source>
      <translation>{region} · {month}: intet forløb afsluttet.</translation>
    </message>
  </context>
  <context>
    <name>Shift</name>
    <message>
      <location filename="../../console/views/dispatch/model.py" line="34" />
      <source>day</source>
      <translation>dag</translation>
    </message>
    <message>
      <location filename="../../console/views/dispatch/model.py" line="35" />
      <source>evening</source>
      <translation>aften</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="164" />
      <source>Could not sign in as {initials}: {error}</source>
      <translation>Kunne ikke logge ind som {initials}: {error}</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="100" />
      <source>Database: {where}</source>
      <translation>Database: {where}</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="95" />
      <source>Initials</source>
      <translation>Initialer</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="42" />
      <source>No system keyring is available, so the password cannot be remembered: it is asked at every sign-in. To remember it, run a Secret Service keyring (e.g. GNOME Keyring or KWallet) in your desktop session, or put the login in a ~/.pgpass file readable only by you (chmod 600). The console never stores passwords in plain text.</source>
      <translation>Der er ingen nøglering i systemet, så adgangskoden kan ikke huskes: den spørges der om ved hvert login. For at huske den skal du køre en Secret Service-nøglering (f.eks. GNOME Keyring eller KWallet) i dit skrivebordsmiljø eller lægge login i en ~/.pgpass-fil, som kun du kan læse (chmod 600). Konsollen gemmer aldrig adgangskoder i klartekst.</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="96" />
      <source>Password</source>
      <translation>Adgangskode</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="85" />
      <source>Remember the password in the system keyring</source>
      <translation>Husk adgangskoden i systemets nøglering</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="98" />
      <source>Sign in</source>
      <translation>Log ind</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="79" />
      <source>Sign in to eWard Console</source>
      <translation>Log ind i eWard Console</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="92" />
      <source>Signing in…</source>
      <translation>Logger ind…</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="129" />
      <source>Type your initials.</source>
      <translation>Skriv dine initialer.</translation>
    </message>
    <message>
      <location filename="../../console/views/sign_in/dialogs.py" line="82" />
      <source>e.g. ABE</source>
      <translation>f.eks. ABE</translation>
    </message>
  </context>
  <context>
    <name>Treatment</name>
    <message>
      <location filename="../../console/views/common/labels.py" line="46" />
      <source>IV antibiotic</source>
      <translation>IV-antibiotika</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="48" />
      <source>IV antibiotic and fluid</source>
      <translation>IV-antibiotika og væske</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="47" />
      <source>IV fluid</source>
      <translation>IV-væske</translation>
    </message>
    <message>
      <location filename="../../console/views/common/labels.py" line="49" />
      <source>No regimen yet</source>
      <translation>Ingen ordination endnu</translation>
    </message>
  </context>
  <context>
    <name>UnplacedModel</name>
    <message>
      <location filename="../../console/views/dispatch/plan_tables.py" line="82" />
      <source> (pinned)</source>
      <translation> (fastlåst)</translation>
    </message>
  </context>
  <context>
    <name>UrgentBanner</name>
    <message>
      <location filename="../../console/views/escalations/status.py" line="81" />
      <source>Dismiss</source>
      <translation>Luk</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/status.py" line="80" />
      <source>Open</source>
      <translation>Åbn</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/status.py" line="94" />
      <source>Urgent call: {patient} — {category}, for the {who}</source>
      <translation>Akut opkald: {patient} — {category}, til {who}</translation>
    </message>
    <message>
      <location filename="../../console/views/escalations/status.py" line="98" />
      <source>and {n} more</source>
      <translation>og {n} mere</translation>
    </message>
  </context>
  <context>
    <name>VisitBoardModel</name>
    <message>
      <location filename="../../console/views/visit_board/model.py" line="55" />
      <source>Car / who / why</source>
      <translation>Bil / hvem / hvorfor</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/model.py" line="51" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/model.py" line="43" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/model.py" line="50" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/model.py" line="56" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/model.py" line="46" />
      <source>Provider</source>
      <translation>Udfører</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/model.py" line="52" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/model.py" line="48" />
      <source>Window</source>
      <translation>Tidsvindue</translation>
    </message>
  </context>
  <context>
    <name>VisitBoardScreen</name>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="132" />
      <location filename="../../console/views/visit_board/screen.py" line="148" />
      <source>All municipalities</source>
      <translation>Alle kommuner</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="53" />
      <source>Could not load the visit board: {message}</source>
      <translation>Kunne ikke hente besøgstavlen: {message}</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="157" />
      <source>Overdue: planned, the window closed more than {grace} min ago and nothing is registered (R-REGISTER)</source>
      <translation>Overskredet: planlagt, tidsvinduet lukkede for mere end {grace} min siden, og intet er registreret (R-REGISTER)</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="137" />
      <source>Print call list…</source>
      <translation>Udskriv opkaldsliste…</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="210" />
      <source>Print the call list to PDF</source>
      <translation>Udskriv opkaldslisten som PDF</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="140" />
      <location filename="../../console/views/visit_board/screen.py" line="142" />
      <source>Register done…</source>
      <translation>Registrér udført…</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="141" />
      <location filename="../../console/views/visit_board/screen.py" line="143" />
      <source>Register missed…</source>
      <translation>Registrér ikke udført…</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="138" />
      <source>The day's visits as an A4 PDF to call from (the print is logged for each patient)</source>
      <translation>Dagens besøg som A4-PDF at ringe ud fra (udskriften logges for hver patient)</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="145" />
      <source>The selected visit did not happen, with why (Ctrl+M)</source>
      <translation>Det valgte besøg blev ikke udført, med begrundelse (Ctrl+M)</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="144" />
      <source>The selected visit was given (Ctrl+D)</source>
      <translation>Det valgte besøg er udført (Ctrl+D)</translation>
    </message>
    <message>
      <location filename="../../console/views/registry.py" line="58" />
      <location filename="../../console/views/visit_board/screen.py" line="52" />
      <source>Visits</source>
      <translation>Besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="151" />
      <source>Visits of the day</source>
      <translation>Dagens besøg</translation>
    </message>
    <message>
      <location filename="../../console/views/visit_board/screen.py" line="153" />
      <source>{n} visits · {done} done · {overdue} overdue</source>
      <translation>{n} besøg · {done} udført · {overdue} overskredet</translation>
    </message>
  </context>
  <context>
    <name>VisitRegisterDialog</name>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="65" />
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="98" />
      <source>Access placed</source>
      <translation>Anlagt adgang</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="77" />
      <source>As the course</source>
      <translation>Som forløbet</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="93" />
      <source>CRP result</source>
      <translation>CRP-svar</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="68" />
      <source>Initials or name (empty: you, {user})</source>
      <translation>Initialer eller navn (tomt: dig, {user})</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="100" />
      <source>Observations</source>
      <translation>Observationer</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="88" />
      <source>Performed at</source>
      <translation>Udført kl.</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="90" />
      <source>Performed by</source>
      <translation>Udført af</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="91" />
      <source>Place</source>
      <translation>Sted</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="99" />
      <source>Planned removal</source>
      <translation>Planlagt fjernelse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="102" />
      <source>Reason</source>
      <translation>Begrundelse</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="52" />
      <source>Register visit done</source>
      <translation>Registrér besøg udført</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="53" />
      <source>Register visit missed</source>
      <translation>Registrér besøg misset</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="89" />
      <source>Time with the patient</source>
      <translation>Tid hos patienten</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="80" />
      <source>Why was the visit missed? What happens now?</source>
      <translation>Hvorfor blev besøget misset? Hvad sker der nu?</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="115" />
      <source>Write the CRP as a number, e.g. 42.</source>
      <translation>Skriv CRP som et tal, f.eks. 42.</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="153" />
      <source>Write the date as YYYY-MM-DD.</source>
      <translation>Skriv datoen som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="86" />
      <source>YYYY-MM-DD (optional)</source>
      <translation>ÅÅÅÅ-MM-DD (valgfrit)</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="74" />
      <source>mg/L</source>
      <translation>mg/L</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/visit_register_dialog.py" line="56" />
      <source>{kind} · {provider} · {window}</source>
      <translation>{kind} · {provider} · {window}</translation>
    </message>
  </context>
  <context>
    <name>VisitTimelineModel</name>
    <message>
      <location filename="../../console/views/patient/timeline_model.py" line="87" />
      <source>Car</source>
      <translation>Bil</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/timeline_model.py" line="82" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/timeline_model.py" line="90" />
      <source>Minutes</source>
      <translation>Minutter</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/timeline_model.py" line="92" />
      <source>Notes</source>
      <translation>Noter</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/timeline_model.py" line="84" />
      <source>Provider</source>
      <translation>Udfører</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/timeline_model.py" line="85" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/timeline_model.py" line="81" />
      <source>When</source>
      <translation>Hvornår</translation>
    </message>
    <message>
      <location filename="../../console/views/patient/timeline_model.py" line="88" />
      <source>Who</source>
      <translation>Hvem</translation>
    </message>
  </context>
  <context>
    <name>VisitationPanel</name>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="138" />
      <source>&lt;b&gt;{patient}&lt;/b&gt; ({cpr}), {municipality} — referred by {referrer} ({source}), {when}</source>
      <translation>&lt;b&gt;{patient}&lt;/b&gt; ({cpr}), {municipality} — henvist af {referrer} ({source}), {when}</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="34" />
      <source>Able to cooperate on treatment at home</source>
      <translation>Kan samarbejde om behandling i hjemmet</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="107" />
      <source>Admit…</source>
      <translation>Indlæg…</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="134" />
      <source>Choose a referral in the queue.</source>
      <translation>Vælg en henvisning på listen.</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="32" />
      <source>Clinically stable</source>
      <translation>Klinisk stabil</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="109" />
      <source>Decline</source>
      <translation>Afvis</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="35" />
      <source>Home judged suitable by the municipal nursing</source>
      <translation>Hjemmet vurderet egnet af den kommunale sygepleje</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="33" />
      <source>Medically judged suitable for home treatment</source>
      <translation>Lægefagligt vurderet egnet til behandling i hjemmet</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="157" />
      <source>Municipality not known to the ward: check the referral.</source>
      <translation>Kommunen er ukendt for afsnittet: kontrollér henvisningen.</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="104" />
      <source>No</source>
      <translation>Nej</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="104" />
      <source>Not judged</source>
      <translation>Ikke vurderet</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="171" />
      <source>Reason: {reason}</source>
      <translation>Begrundelse: {reason}</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="106" />
      <source>Save judgement</source>
      <translation>Gem vurdering</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="38" />
      <source>Talk with the municipality</source>
      <translation>Samtale med kommunen</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="37" />
      <source>Talk with the referrer</source>
      <translation>Samtale med henviseren</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="36" />
      <source>Video possible (a prerequisite)</source>
      <translation>Video mulig (en forudsætning)</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="100" />
      <source>Visitation (R-ELIGIBLE)</source>
      <translation>Visitation (R-ELIGIBLE)</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="108" />
      <source>Why the referral is declined</source>
      <translation>Hvorfor henvisningen afvises</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="104" />
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="159" />
      <source>gives at most 3 doses a day (R-FREQ)</source>
      <translation>giver højst 3 doser i døgnet (R-FREQ)</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="158" />
      <source>has agreed to 4 doses a day</source>
      <translation>har aftalt 4 doser i døgnet</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="160" />
      <source>{name}: {four}; {n} of the ward's patients there now; phone {phone}.</source>
      <translation>{name}: {four}; {n} af afsnittets patienter bor der nu; telefon {phone}.</translation>
    </message>
    <message>
      <location filename="../../console/views/referrals/panel.py" line="167" />
      <source>{status} by {who} at {when}.</source>
      <translation>{status} af {who} {when}.</translation>
    </message>
  </context>
  <context>
    <name>Worker</name>
    <message>
      <location filename="../../console/views/common/worker.py" line="146" />
      <source>Not saved: the database did not answer ({detail}). Nothing was changed and what you typed is kept; save again when the console is back online.</source>
      <translation>Ikke gemt: databasen svarede ikke ({detail}). Intet er ændret, og det, du har skrevet, er bevaret; gem igen, når konsollen er online igen.</translation>
    </message>
    <message>
      <location filename="../../console/views/common/worker.py" line="151" />
      <source>The database did not answer ({detail}); the console keeps retrying.</source>
      <translation>Databasen svarede ikke ({detail}); konsollen prøver igen af sig selv.</translation>
    </message>
    <message>
      <location filename="../../console/views/common/worker.py" line="141" />
      <source>The database stopped answering while saving ({detail}): the console cannot tell whether the change was saved. What you typed is kept; when the console is back online, check the record before saving again.</source>
      <translation>Databasen holdt op med at svare under gemningen ({detail}): konsollen kan ikke se, om ændringen blev gemt. Det, du har skrevet, er bevaret; når konsollen er online igen, så tjek journalen, før du gemmer igen.</translation>
    </message>
  </context>
  <context>
    <name>WriteDialog</name>
    <message>
      <location filename="../../console/views/common/write_dialog.py" line="215" />
      <source>Reloaded: check the other change in the record, then save again.</source>
      <translation>Genindlæst: kontrollér den anden ændring i journalen, og gem igen.</translation>
    </message>
  </context>
</TS>
