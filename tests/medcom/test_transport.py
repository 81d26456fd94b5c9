"""The mailbox transport: atomic writes, arrival order, processed files moved, 0600/0700."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from console.medcom import MailboxTransport, Transport, message_filename
from console.medcom import transport as transport_module


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def mailbox(tmp_path: Path) -> MailboxTransport:
    return MailboxTransport(outbox=tmp_path / "ward" / "outbox", inbox=tmp_path / "ward" / "inbox")


def test_is_a_transport(mailbox: MailboxTransport) -> None:
    assert isinstance(mailbox, Transport)


def test_folders_are_private(mailbox: MailboxTransport, tmp_path: Path) -> None:
    for folder in (mailbox.outbox, mailbox.inbox, mailbox.processed):
        assert folder.is_dir()
        assert mode(folder) == 0o700, folder.name
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    MailboxTransport(outbox=loose, inbox=tmp_path / "in2")
    assert mode(loose) == 0o700, "an existing folder is tightened too"


def test_send_writes_one_private_file(mailbox: MailboxTransport) -> None:
    name = message_filename("0a6c8e2b-3d4f-4a1b-9c7d-5e6f7a8b9c0d", ".json")
    mailbox.send(name, b'{"resourceType": "Bundle"}')
    target = mailbox.outbox / name
    assert target.read_bytes() == b'{"resourceType": "Bundle"}'
    assert mode(target) == 0o600
    assert [p.name for p in mailbox.outbox.iterdir()] == [name], "no temp file left behind"


def test_send_never_overwrites_and_refuses_unsafe_names(mailbox: MailboxTransport) -> None:
    mailbox.send("a.json", b"first")
    with pytest.raises(FileExistsError):
        mailbox.send("a.json", b"second")
    assert (mailbox.outbox / "a.json").read_bytes() == b"first"
    for bad in ("../escape.json", ".hidden", "", "a/b.json", ".incoming-x"):
        with pytest.raises(ValueError, match="unsafe"):
            mailbox.send(bad, b"x")


def test_send_is_atomic(mailbox: MailboxTransport, monkeypatch: pytest.MonkeyPatch) -> None:
    """The final name appears only when the whole file is written; a failed write leaves nothing."""
    seen: list[bool] = []
    real_fsync = os.fsync

    def watching_fsync(fd: int) -> None:
        seen.append((mailbox.outbox / "m.json").exists())
        real_fsync(fd)

    monkeypatch.setattr(transport_module.os, "fsync", watching_fsync)
    mailbox.send("m.json", b"complete")
    assert seen
    assert seen[0] is False, "the message was visible before it was complete"

    def failing_link(src: str, dst: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(transport_module.os, "link", failing_link)
    with pytest.raises(OSError, match="disk full"):
        mailbox.send("n.json", b"never")
    assert sorted(p.name for p in mailbox.outbox.iterdir()) == ["m.json"]


def test_receive_in_arrival_order_and_move_when_processed(mailbox: MailboxTransport) -> None:
    for name, when in (("c.xml", 3), ("a.json", 1), ("b.json", 2)):
        path = mailbox.inbox / name
        path.write_bytes(name.encode())
        os.utime(path, ns=(when * 1_000_000_000, when * 1_000_000_000))
    (mailbox.inbox / ".partial").write_bytes(b"being written by the gateway")
    waiting = mailbox.receive()
    assert [f.name for f in waiting] == ["a.json", "b.json", "c.xml"]
    assert [f.data for f in waiting] == [b"a.json", b"b.json", b"c.xml"]
    assert mailbox.receive() == waiting, "receiving again returns the same until processed"
    mailbox.mark_processed("a.json")
    assert [f.name for f in mailbox.receive()] == ["b.json", "c.xml"]
    assert (mailbox.processed / "a.json").read_bytes() == b"a.json"
    assert not (mailbox.inbox / "a.json").exists()


def test_a_processed_name_seen_twice_keeps_both(mailbox: MailboxTransport) -> None:
    for content in (b"one", b"two"):
        (mailbox.inbox / "dup.json").write_bytes(content)
        mailbox.mark_processed("dup.json")
    assert sorted(p.read_bytes() for p in mailbox.processed.iterdir()) == [b"one", b"two"]


def test_any_file_name_a_gateway_writes_is_received(mailbox: MailboxTransport) -> None:
    (mailbox.inbox / "MCM FDIS91 (1).xml").write_bytes(b"<Bundle/>")
    assert [f.name for f in mailbox.receive()] == ["MCM FDIS91 (1).xml"]
    mailbox.mark_processed("MCM FDIS91 (1).xml")
    assert mailbox.receive() == []
    for bad in ("../x", ".partial", ""):
        with pytest.raises(ValueError, match="not an inbox file name"):
            mailbox.mark_processed(bad)
