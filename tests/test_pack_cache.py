"""The cache of validated packs (explainer/pack/cache.py) and the exit-after-first-paint hook.

Behaviour only, never wall-clock time: a hit gives an equal pack without validating; any
change, corruption or other version misses and is rebuilt; an unusable cache folder
changes nothing; an invalid pack is never cached.
"""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.pack import PackError, bundled_pack_path, load_pack
from explainer.pack import cache as pack_cache
from explainer.pack import loader, preview
from explainer.pack.cache import FORMAT, load_pack_cached

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    """A copy of the every-type pack, free to edit."""
    target = tmp_path / "pack"
    shutil.copytree(FIXTURES / "every-type", target)
    return target


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """An empty cache folder."""
    return tmp_path / "cache"


@pytest.fixture
def validations(monkeypatch) -> list[Path]:
    """Every call of the full loader (parse and validate), by pack folder."""
    calls: list[Path] = []
    real = loader.load_pack

    def counted(path):
        calls.append(Path(path))
        return real(path)

    monkeypatch.setattr(loader, "load_pack", counted)
    return calls


def entries(cache: Path) -> list[Path]:
    """The cache files."""
    return sorted((cache / "packs").glob("*.json")) if (cache / "packs").exists() else []


def test_a_hit_gives_an_equal_pack_without_validating(pack_dir, cache, validations) -> None:
    expected = load_pack(pack_dir)
    first = load_pack_cached(pack_dir, folder=cache)
    assert len(validations) == 1 and len(entries(cache)) == 1
    second = load_pack_cached(pack_dir, folder=cache)
    assert len(validations) == 1  # the hit validated nothing
    assert first == expected and second == expected
    assert second.model_dump() == expected.model_dump()
    assert [type(q) for q in second.questions] == [type(q) for q in expected.questions]
    assert second.quiz_file.model_fields_set == expected.quiz_file.model_fields_set
    assert second.path == pack_dir


def test_the_bundled_pack_round_trips(cache) -> None:
    load_pack_cached(bundled_pack_path(), folder=cache)
    assert load_pack_cached(bundled_pack_path(), folder=cache) == load_pack(bundled_pack_path())


def test_a_hit_builds_no_schema(tmp_path) -> None:
    # In a fresh interpreter: a warm cache gives the pack with no pydantic validator built.
    cache = tmp_path / "cache"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from explainer.pack import bundled_pack_path, model\n"
        "from explainer.pack.cache import FORMAT, load_pack_cached\n"
        f"pack = load_pack_cached(bundled_pack_path(), folder=Path({str(cache)!r}))\n"
        "print(pack.id, model.QuizFile.__pydantic_complete__, model.Pack.__pydantic_complete__)\n"
    )
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert cold.stdout.split() == ["nk-pows", "True", "True"]
    assert warm.stdout.split() == ["nk-pows", "False", "False"]


def test_a_changed_file_misses(pack_dir, cache, validations) -> None:
    load_pack_cached(pack_dir, folder=cache)
    quiz = pack_dir / "quiz.toml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    pack = load_pack_cached(pack_dir, folder=cache)
    assert len(validations) == 2
    assert pack == load_pack(pack_dir)
    assert len(entries(cache)) == 2


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage", "header"])
def test_a_corrupt_entry_is_ignored_and_rebuilt(pack_dir, cache, validations, damage) -> None:
    expected = load_pack_cached(pack_dir, folder=cache)
    (entry,) = entries(cache)
    raw = entry.read_bytes()
    damaged = {
        "truncate": raw[: len(raw) // 2],
        "flip": raw[:-10] + bytes([raw[-10] ^ 0x01]) + raw[-9:],
        "empty": b"",
        "garbage": b"\x00\xff not json",
        "header": raw.replace(f"explainer-pack-cache {FORMAT}".encode(), b"explainer-pack-cache 9", 1),
    }[damage]
    entry.write_bytes(damaged)
    assert load_pack_cached(pack_dir, folder=cache) == expected
    assert len(validations) == 2  # not trusted: loaded in full
    assert entry.read_bytes() == raw  # and rewritten
    load_pack_cached(pack_dir, folder=cache)
    assert len(validations) == 2


def test_a_payload_with_a_matching_checksum_but_bad_data_is_ignored(pack_dir, cache, validations) -> None:
    import hashlib

    expected = load_pack_cached(pack_dir, folder=cache)
    (entry,) = entries(cache)
    header, _, payload = entry.read_bytes().partition(b"\n")
    payload = payload.replace(b'"$m":"QuizFile"', b'"$m":"Source"', 1)  # a class in the wrong place
    parts = header.split(b" ")
    parts[3] = hashlib.sha256(payload).hexdigest().encode()
    entry.write_bytes(b" ".join(parts) + b"\n" + payload)
    assert load_pack_cached(pack_dir, folder=cache) == expected
    assert len(validations) == 2


def test_an_entry_of_another_version_is_ignored(pack_dir, cache, validations, monkeypatch) -> None:
    load_pack_cached(pack_dir, folder=cache)
    (old,) = entries(cache)
    monkeypatch.setattr(pack_cache, "__version__", "99.0.0")
    monkeypatch.setattr(preview, "__version__", "99.0.0")
    load_pack_cached(pack_dir, folder=cache)
    assert len(validations) == 2  # another version: another key, a miss
    # An entry claiming another version under the current key is not trusted either.
    (new,) = [e for e in entries(cache) if e != old]
    shutil.copyfile(old, new)  # the old version's payload, under the new key's name
    load_pack_cached(pack_dir, folder=cache)
    assert len(validations) == 3


def test_an_unwritable_cache_folder_still_loads(pack_dir, tmp_path, validations) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    for _ in range(2):
        assert load_pack_cached(pack_dir, folder=blocker) == load_pack(pack_dir)
    assert len(validations) == 2


def test_a_read_only_cache_folder_still_loads(pack_dir, tmp_path, validations) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    folder = tmp_path / "ro"
    (folder / "packs").mkdir(parents=True)
    folder.chmod(0o500)
    (folder / "packs").chmod(0o500)
    try:
        assert load_pack_cached(pack_dir, folder=folder) == load_pack(pack_dir)
    finally:
        (folder / "packs").chmod(0o700)
        folder.chmod(0o700)


def test_an_invalid_pack_is_never_cached(pack_dir, cache) -> None:
    quiz = pack_dir / "quiz.toml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("pass_mark", "pass_mark_typo", 1), encoding="utf-8")
    with pytest.raises(PackError) as cached_error:
        load_pack_cached(pack_dir, folder=cache)
    with pytest.raises(PackError) as plain_error:
        load_pack(pack_dir)
    assert [str(e) for e in cached_error.value.errors] == [str(e) for e in plain_error.value.errors]
    assert entries(cache) == []


def test_a_linked_file_bypasses_the_cache(pack_dir, cache, validations) -> None:
    (pack_dir / "pack.toml").rename(pack_dir / "real-pack.toml")
    (pack_dir / "pack.toml").symlink_to(pack_dir / "real-pack.toml")
    load_pack_cached(pack_dir, folder=cache)
    load_pack_cached(pack_dir, folder=cache)
    assert len(validations) == 2 and entries(cache) == []


def test_the_cache_folder_comes_from_the_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path / "here"))
    assert pack_cache.cache_dir() == tmp_path / "here"
    load_pack_cached(bundled_pack_path())
    assert len(list((tmp_path / "here" / "packs").glob("*.json"))) == 1


def test_validate_does_not_use_the_cache(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from explainer.cli import cli

    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(cli, ["validate", str(bundled_pack_path())])
    assert result.exit_code == 0
    assert not (tmp_path / "cache").exists()


def test_exit_after_first_paint_exits_0(tmp_path) -> None:
    master, slave = pty.openpty()
    env = {
        **os.environ,
        "EXPLAINER_EXIT_AFTER_FIRST_PAINT": "1",
        "EXPLAINER_DATA_DIR": str(tmp_path / "data"),
        "EXPLAINER_CACHE_DIR": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "explainer"], stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    output = b""
    try:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            output += data
        assert child.wait(timeout=60) == 0
    finally:
        os.close(master)
        if child.poll() is None:
            child.kill()
    assert b"Start reading" in output  # the welcome screen was painted
    # the pack, and (after the first paint) each of its translations, whose typed answers it accepts
    from explainer.pack.translations import translation_folders

    cached = len(list((tmp_path / "cache" / "packs").glob("*.json")))
    assert cached in (1, 1 + len(translation_folders(bundled_pack_path())))


def test_the_entry_knows_every_command() -> None:
    # explainer.entry opens the app without click for `explainer FOLDER`; a first
    # argument naming a command must still go to the command line.
    import click

    from explainer.cli import cli
    from explainer.entry import COMMAND_NAMES

    assert COMMAND_NAMES == set(cli.list_commands(click.Context(cli)))


def test_the_app_opens_without_click(tmp_path) -> None:
    master, slave = pty.openpty()
    listing = tmp_path / "modules.txt"
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(listing)!r}, 'w').write('\\n'.join(sys.modules)))\n"
        "sys.argv = ['explainer']\n"
        "from explainer.entry import main\n"
        "main()\n"
    )
    env = {
        **os.environ,
        "EXPLAINER_EXIT_AFTER_FIRST_PAINT": "1",
        "EXPLAINER_DATA_DIR": str(tmp_path / "data"),
        "EXPLAINER_CACHE_DIR": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    child = subprocess.Popen([sys.executable, "-c", code], stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    try:
        while True:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        assert child.wait(timeout=60) == 0
    finally:
        os.close(master)
    modules = set(listing.read_text().split())
    assert "explainer.app" in modules
    assert "click" not in modules and "explainer.cli" not in modules


def _first_paint_modules(tmp_path: Path) -> tuple[set[str], bytes]:
    """Run ``explainer`` in a pty until its first paint; the modules it had imported, and
    what it wrote to the terminal."""
    master, slave = pty.openpty()
    listing = tmp_path / "modules.txt"
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(listing)!r}, 'w').write('\\n'.join(sys.modules)))\n"
        "sys.argv = ['explainer']\n"
        "from explainer.entry import main\n"
        "main()\n"
    )
    env = {
        **os.environ,
        "EXPLAINER_EXIT_AFTER_FIRST_PAINT": "1",
        "EXPLAINER_DATA_DIR": str(tmp_path / "data"),
        "EXPLAINER_CACHE_DIR": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "32",
    }
    child = subprocess.Popen([sys.executable, "-c", code], stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    output = b""
    try:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        assert child.wait(timeout=60) == 0
    finally:
        os.close(master)
        if child.poll() is None:
            child.kill()
    return set(listing.read_text().split()), output


def test_a_warm_cache_paints_the_welcome_screen_without_pydantic(tmp_path) -> None:
    # The first start (cold cache) validates the pack with pydantic and writes the entry;
    # the next paints the welcome screen from the entry's preview: pydantic and the
    # content models are imported only after the first paint.
    cold, _ = _first_paint_modules(tmp_path)
    assert "pydantic" in cold
    warm, output = _first_paint_modules(tmp_path)
    assert "explainer.app" in warm and "explainer.screens.welcome" in warm
    assert not {name for name in warm if name.split(".")[0] == "pydantic"}
    assert "explainer.pack.model" not in warm and "explainer.pack.loader" not in warm
    assert b"Start reading" in output


def test_open_cached_needs_a_checked_entry(pack_dir, cache) -> None:
    assert preview.open_cached(pack_dir, folder=cache) is None  # nothing cached yet
    pack = load_pack_cached(pack_dir, folder=cache)
    cached = preview.open_cached(pack_dir, folder=cache)
    assert cached is not None
    assert cached.preview == preview.PackPreview.of(load_pack(pack_dir))
    assert cached.preview.sections == len(pack.sections) and cached.preview.questions == len(pack.questions)
    assert cached.load() == pack == load_pack(pack_dir)
    assert cached.load() is cached.load()  # built once


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data.pop("preview"),
        lambda data: data["preview"].update(title=["not", "text"]),
        lambda data: data["preview"].update(sections=-1),
        lambda data: data["preview"].update(updated="yesterday"),
        lambda data: data["preview"].update(authors="one"),
    ],
)
def test_a_preview_of_the_wrong_shape_is_not_shown(pack_dir, cache, change) -> None:
    import hashlib
    import json

    load_pack_cached(pack_dir, folder=cache)
    (entry,) = entries(cache)
    header, _, payload = entry.read_bytes().partition(b"\n")
    data = json.loads(payload)
    change(data)
    payload = json.dumps(data).encode()
    parts = header.split(b" ")
    parts[3] = hashlib.sha256(payload).hexdigest().encode()
    entry.write_bytes(b" ".join(parts) + b"\n" + payload)
    assert preview.open_cached(pack_dir, folder=cache) is None


def test_an_edited_pack_has_no_preview_until_it_is_validated(pack_dir, cache) -> None:
    load_pack_cached(pack_dir, folder=cache)
    meta = pack_dir / "pack.toml"
    meta.write_text(meta.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert preview.open_cached(pack_dir, folder=cache) is None


def test_the_preview_module_agrees_with_the_loader() -> None:
    assert preview.FILE_NAMES == loader.FILE_NAMES
    assert preview.MAX_FILE_BYTES == loader.MAX_FILE_BYTES
    assert preview.BUNDLED_PACK_ID == loader.BUNDLED_PACK_ID
    assert preview.PACK_FILE == loader.PACK_FILE


async def test_the_app_shows_the_same_welcome_from_a_cached_pack(cache) -> None:
    from explainer.app import ExplainerApp

    load_pack_cached(bundled_pack_path(), folder=cache)
    cached = preview.open_cached(bundled_pack_path(), folder=cache)
    assert cached is not None
    shown = []
    for given in (load_pack(bundled_pack_path()), cached):
        app = ExplainerApp(given, seed=1)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            texts = [str(widget.render()) for widget in app.screen.query("#pack-title, #pack-summary, #pack-details")]
            shown.append(texts)
            assert app.pack.id == "nk-pows"
    assert shown[0] == shown[1] and shown[0][0]
