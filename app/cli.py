"""The `returns-desk` command: the GUI by default, subcommands on the same services."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from app import __version__, i18n, settings
from app.errors import INTERNAL_ERROR, DeskError, InvalidInput
from app.log_privacy import mask_handlers

# Each module in app/commands registers its own subcommands; listed here so the order of --help is ours.
COMMAND_MODULES = ("demo", "imports", "lookup", "policy", "printing", "settings", "counter", "backup",
                   "setup", "users", "members", "watch", "complaints", "followups", "repairs", "coupons",
                   "reports")

log = logging.getLogger("returns_desk")


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="returns-desk",
        description="Returns Desk 售后服务台 — returns and after-sales counter.",
    )
    parser.add_argument("--version", action="version", version=f"returns-desk {__version__}")
    parser.add_argument("--db", help="database URL or SQLite file path (default: the shop's own; "
                        "env RETURNS_DESK_DB)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None,
                        help="language of the screens and messages (default zh_CN)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this install on a throwaway database (quote, return, slip); exit 0 if good")
    if not commands:  # the window's start: the command modules pull in the services, the ORM, reportlab
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        # a listed module that is missing is a packaging bug: fail loudly rather than lose a command
        importlib.import_module(f"app.commands.{name}").register(sub)
    _accept_global_options_everywhere(parser)
    return parser


def _accept_global_options_everywhere(parser: argparse.ArgumentParser) -> None:
    """`returns-desk demo --db X` works as well as `returns-desk --db X demo`.

    Each subcommand (and sub-subcommand) also takes --db and --lang; SUPPRESS keeps a value given
    before the subcommand from being reset to None by the subparser's default.
    """
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        for child in set(getattr(action, "choices", {}).values()):
            known = {opt for a in child._actions for opt in a.option_strings}
            if "--db" not in known:
                child.add_argument("--db", default=argparse.SUPPRESS,
                                   help="database URL or SQLite file path")
            if "--lang" not in known:
                child.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                                   help="language of messages")
            _accept_global_options_everywhere(child)


def _normalise_db(db: str | None) -> None:
    """Accept a bare file path as well as a SQLAlchemy URL; publish it for every layer below."""
    url = settings.database_url(db)
    if url:
        os.environ[settings.DB_ENV] = url


def undecodable_argument(argv: Sequence[str]) -> DeskError | None:
    """Python hands a byte that is not UTF-8 over as a lone surrogate (surrogateescape): name the argument."""
    for n, arg in enumerate(argv, start=1):
        if any("\udc80" <= c <= "\udcff" for c in arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            return InvalidInput(f"第 {n} 个参数 {printable(shown)} 含有不是 UTF-8 的字节；请用 UTF-8 输入。",
                                f"argument {n} {printable(shown)} has bytes that are not UTF-8; "
                                "please type it in UTF-8.")
    return None


def printable(text: str) -> str:
    """A message as it may reach a terminal: escapes, NULs and lone surrogates written out, never sent raw."""
    return "".join(c if c in "\n\t" or (c.isprintable() and not "\ud800" <= c <= "\udfff")
                   else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}" for c in text)


def _window_only(argv: list[str]) -> argparse.Namespace | None:
    """Only global options (the shop's launcher): parsed without loading a single command module."""
    if any(a in ("-h", "--help") for a in argv):
        return None
    args, rest = build_parser(commands=False).parse_known_args(argv)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=os.environ.get("RETURNS_DESK_LOG", "WARNING"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    mask_handlers()
    argv = sys.argv[1:] if argv is None else list(argv)
    if (bad := undecodable_argument(argv)) is not None:
        lang = os.environ.get("RETURNS_DESK_LANG", "zh_CN")
        print(bad.message(lang) if lang == "en" else f"{bad.zh} ({bad.en})", file=sys.stderr)
        return bad.exit_code
    args = _window_only(argv) or build_parser().parse_args(argv)
    _normalise_db(args.db)
    args_lang = args.lang
    lang = args.lang or os.environ.get("RETURNS_DESK_LANG", "zh_CN")
    args.lang = lang
    if args.self_test:
        from app import selftest

        return selftest.run()
    if not args.command:
        from app.ui.shell.main import run_gui  # Qt is imported only when a window is wanted

        # no --lang and no RETURNS_DESK_LANG: the counter opens in the language chosen there last
        return run_gui(lang, remembered=not (args_lang or os.environ.get("RETURNS_DESK_LANG")))
    try:
        return int(args.func(args) or 0)
    except DeskError as exc:
        print(printable(exc.message(lang) if lang == "en" else f"{exc.zh} ({exc.en})"), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and cut short: whatever was done is done
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception:  # a bug: log it with its traceback, tell the person plainly
        log.exception("internal error in %s", args.command)
        print(str(INTERNAL_ERROR), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
