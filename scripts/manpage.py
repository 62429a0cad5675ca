#!/usr/bin/env python3
"""Writes cplan's man page (man(7) roff, section 1) from the command grammar.

Reads the JSON that swift-argument-parser prints for `cplan --experimental-dump-help` (the same
declaration that parses the command line and writes `--help` and the completion scripts) on
standard input, and writes the page to standard output. `make install` runs it; no network and
no plugin build are needed (`swift package plugin generate-manual` builds the package a second
time in its own release configuration).

Usage: cplan --experimental-dump-help | python3 scripts/manpage.py [--date YYYY-MM-DD] > cplan.1
"""
import json
import sys


def roff(text):
    """Text safe in a roff line: backslashes doubled, a leading '.' or "'" escaped, dashes kept."""
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith(".") or line.startswith("'"):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def names(argument):
    out = []
    for n in argument.get("names", []):
        out.append(("-" if n["kind"] == "short" else "--") + n["name"])
    return out


def synopsis(argument):
    value = argument.get("valueName", "value")
    if argument["kind"] == "positional":
        text = "<%s>" % value
    else:
        preferred = argument.get("preferredName") or argument["names"][0]
        text = ("-" if preferred["kind"] == "short" else "--") + preferred["name"]
        if argument["kind"] == "option":
            text += " <%s>" % value
    if argument.get("isRepeating"):
        text += " ..."
    return "[%s]" % text if argument.get("isOptional") else text


def describe_arguments(arguments, out):
    for a in arguments:
        if not a.get("shouldDisplay", True):
            continue
        if a["kind"] == "positional":
            label = "<%s>" % a.get("valueName", "value")
        else:
            label = ", ".join(names(a))
            if a["kind"] == "option":
                label += " <%s>" % a.get("valueName", "value")
        out.append(".TP")
        out.append("\\fB%s\\fR" % roff(label))
        text = a.get("abstract", "")
        if a.get("allValues"):
            text += " (values: %s)" % ", ".join(a["allValues"])
        if a.get("defaultValue"):
            text += " (default: %s)" % a["defaultValue"]
        out.append(roff(text))


def main():
    date = ""
    if len(sys.argv) == 3 and sys.argv[1] == "--date":
        date = sys.argv[2]
    tool = json.load(sys.stdin)["command"]
    name = tool["commandName"]
    out = ['.TH %s 1 "%s" "%s" "User Commands"' % (name.upper(), date, name)]
    out += [".SH NAME", "%s \\- %s" % (name, roff(tool.get("abstract", "")))]
    out += [".SH SYNOPSIS"]
    subcommands = [s for s in tool.get("subcommands", []) if s.get("shouldDisplay", True)]
    for s in subcommands:
        args = " ".join(synopsis(a) for a in s.get("arguments", []) if a.get("shouldDisplay", True))
        out += [".PP", "\\fB%s %s\\fR %s" % (name, s["commandName"], roff(args))]
    out += [".SH DESCRIPTION", roff(tool.get("discussion") or tool.get("abstract", ""))]
    if tool.get("arguments"):
        out += [".SH OPTIONS"]
        describe_arguments(tool["arguments"], out)
    out += [".SH COMMANDS"]
    for s in subcommands:
        out += [".SS %s" % roff(s["commandName"]), roff(s.get("abstract", ""))]
        if s.get("discussion"):
            out += [".PP", roff(s["discussion"])]
        describe_arguments(s.get("arguments", []), out)
    out += [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBCPLAN_LANG\\fR",
        "The language of messages and exports (en or zh) when \\fB\\-\\-lang\\fR is not given.",
        ".SH SEE ALSO",
        "The language reference in the repository's \\fIdocs/\\fR directory;",
        "\\fBcplan help\\fR in the shell.",
    ]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
