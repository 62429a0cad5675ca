#!/usr/bin/env python3
"""Writes the XLSX fixtures of ImportTests with openpyxl (python3 -m pip install openpyxl).

Run from this folder: python3 make_fixtures.py. The workbooks are committed; this script is how
they were made. openpyxl stores no cached value for a formula (it does not compute them), so the
cached values a spreadsheet program stores are patched into the sheet XML afterwards.
"""
import re
import zipfile

from openpyxl import Workbook


def patch(path, sheet_part, cached):
    """Gives formula cells of `sheet_part` cached values: {cell reference: (type, value)}."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts[sheet_part].decode()
    for ref, (kind, value) in cached.items():
        pattern = r'<c r="%s"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>' % ref
        t = ' t="str"' if kind == "str" else ""
        xml, n = re.subn(pattern, r'<c r="%s"%s><f>\2</f><v>%s</v></c>' % (ref, t, value), xml)
        assert n == 1, (ref, xml)
    parts[sheet_part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def shared_strings(path, sheet_part):
    """Moves the inline strings of `sheet_part` into xl/sharedStrings.xml, as Excel stores
    text; the first becomes rich text in two runs with a phonetic run (which is not text)."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts[sheet_part].decode()
    strings = []

    def share(m):
        strings.append(m.group(2))
        return '<c r="%s" t="s"><v>%d</v></c>' % (m.group(1), len(strings) - 1)

    xml = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>(.*?)</t></is></c>', share, xml)
    parts[sheet_part] = xml.encode()
    items = []
    for i, text in enumerate(strings):
        if i == 0:
            items.append('<si><r><t>%s</t></r><r><t>%s</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>'
                         % (text[:1], text[1:]))
        else:
            items.append("<si><t>%s</t></si>" % text)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (len(items), len(items), "".join(items))).encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                          '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def jilin():
    wb = Workbook()
    settings = wb.active
    settings.title = "规划设置"
    settings.append(["设置项", "值"])
    settings.append(["title", "吉林省创新联合体规划"])
    settings.append(["规划期（整年）", "2025..2030"])
    settings.append(["rd-intensity-min", 0.04])
    settings["B4"].number_format = "0%"
    member = wb.create_sheet("成员")  # before its consortium: import orders by kind
    member.append(["联合体", "单位", "角色", "产业链位置"])
    member.append(["K1", "jcfc", "牵头单位", "midstream"])
    member.append([])  # an empty row is skipped
    member.append(["K1", "jlu", "core", "平台"])
    org = wb.create_sheet("org")
    org.append(["ID", "Name", "Type", "Size", "RD-Intensity"])
    org.append(["jcfc", "吉林化纤集团", "enterprise", "large", 0.035])
    org["E2"].number_format = "0.0%"
    org.append(["jlu", "吉林大学", "高校", None, None])
    criterion = wb.create_sheet("criterion")
    criterion.append(["id", "name", "tag", "weight"])
    criterion.append(["C1", "产业链基础", "chain", "=0.2+0.2"])
    field = wb.create_sheet("候选领域")
    field.append(["ID", "名称", "备注"])
    field.append(["F1", "碳纤维", '="新"&"材料"'])
    consortium = wb.create_sheet("consortium")
    consortium.append(["id", "name", "field", "ip-strategy", "period"])
    consortium.append(["K1", "碳纤维创新联合体", "F1", True, "2025..2029"])
    ranking = wb.create_sheet("ranking")  # derived: skipped
    ranking.append(["Rank", "Field", "Score"])
    ranking.append([1, "F1", 0.8])
    diagnostics = wb.create_sheet("校验结果")  # derived: skipped
    diagnostics.append(["级别", "代码"])
    diagnostics.append(["warning", "R13"])
    wb.save("jilin.xlsx")
    # sheet order: 规划设置 1, 成员 2, org 3, criterion 4, 候选领域 5
    patch("jilin.xlsx", "xl/worksheets/sheet4.xml", {"D2": ("n", "0.4")})
    patch("jilin.xlsx", "xl/worksheets/sheet5.xml", {"C2": ("str", "新材料")})
    shared_strings("jilin.xlsx", "xl/worksheets/sheet3.xml")  # the org sheet


def formula_without_value():
    wb = Workbook()
    ws = wb.active
    ws.title = "criterion"
    ws.append(["id", "name", "weight"])
    ws.append(["C1", "产业链基础", "=1/3"])
    wb.save("formula.xlsx")


def unknown_sheet():
    wb = Workbook()
    ws = wb.active
    ws.title = "organisations"
    ws.append(["id", "name"])
    ws.append(["jlu", "吉林大学"])
    wb.save("unknown-sheet.xlsx")


def not_a_workbook():
    with zipfile.ZipFile("not-a-workbook.xlsx", "w") as z:
        z.writestr("readme.txt", "a zip archive, but no workbook inside")


def not_a_zip():
    with open("not-a-zip.xlsx", "w") as f:
        f.write("id,name\njlu,吉林大学\n")


jilin()
formula_without_value()
unknown_sheet()
not_a_workbook()
not_a_zip()
