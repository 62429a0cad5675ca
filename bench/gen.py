#!/usr/bin/env python3
"""Generate a large cplan plan file and the equivalent SQL script (for `make bench`).

    python3 bench/gen.py N --seed S --plan out.plan --sql out.sql

N consortia, N/2 fields (at least one). Per consortium: 6 organisations and 6 members (a lead
enterprise, a university, an institute, small enterprises upstream, midstream and downstream),
and for each of the 3 global phases 3 goals, 4 measures and 2 funding lines. Every field is
scored on 4 criteria. Names are Chinese and drawn from a seeded generator, so the output is the
same bytes for the same N and seed (Python's `random.Random(int)` is stable across versions).

    python3 bench/gen.py N --order consortium --distinct-names --plan grouped.plan

The plan is written in canonical plan-file form (SPEC §6): `# cplan plan 1`, `set plan …`, then
the `add` statements in kind order (criterion, compare, field, score, org, consortium, member,
phase, goal, measure, funding) and within a kind in natural key order (as `cplan` saves a
loaded plan, so load + save gives the same bytes), attributes in the order of SPEC §4, defaults omitted, names
quoted, IDs bare. The plan is meant to validate without errors or warnings: weighted scores are
all distinct (no R07 ties), `cutoff` is the number of fields, every consortium covers the chain,
has IP and talent measures, a government share under 30%, `after` links only point to
earlier phases of the same consortium, every measure starts with its phase (R30), every
consortium's period (2026..2030) reaches its last goals (R46), and no two orgs share a name (R47).
`make bench`'s check line says "0 errors, 0 warnings": a plan that draws findings would time
their printing, not the loading and validation the targets are about.

The SQL script has one table per kind with PRIMARY KEY and FOREIGN KEY … REFERENCES (composite
keys for score, member, funding; `after` links in goal_after), `PRAGMA foreign_keys=ON;`, then
the INSERTs in the same order as the plan inside one `BEGIN; … COMMIT;`.

With --order consortium the same data is grouped per consortium instead (the criteria, fields,
scores and phases first, then each consortium's orgs, consortium, members, goals, measures and
funding together); --distinct-names gives every goal and measure a name of its own.

N = 10,000 gives about 425,000 plan statements and about 38 MB.
"""

import argparse
import random
import sys

# ---------------------------------------------------------------------------------------------
# Name pools (illustrative; any resemblance to real organisations is only for flavour)

REGIONS = ["吉林省", "辽宁省", "黑龙江省", "江西省", "山东省", "山西省", "浙江省", "江苏省"]
CITIES = ["长春", "吉林", "四平", "辽源", "通化", "白山", "松原", "白城", "延边", "梅河口",
          "公主岭", "珲春", "敦化", "榆树", "德惠", "舒兰", "桦甸", "磐石", "洮南", "扶余"]
BRANDS = ["华信", "恒通", "中科", "东光", "北方", "长城", "鼎盛", "联创", "瑞丰", "天成",
          "金石", "新源", "宏达", "博远", "启明", "卓越", "精工", "云帆", "星辰", "海川",
          "鸿运", "永安", "嘉禾", "凯盛", "泰和", "润泽", "光华", "立信", "蓝海", "清源"]
INDUSTRIES = ["新材料", "光电", "汽车零部件", "生物医药", "化工", "装备制造", "电子", "能源",
              "智能科技", "农业科技", "轨道装备", "医疗器械", "精密机械", "信息技术", "碳纤维"]
SHORT_INDUSTRIES = ["材料", "光电", "汽配", "医药", "化工", "装备", "电子", "能源", "科技", "农业", "机械", "软件"]
COMPANY_SUFFIX = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"]
UNIV_SUFFIX = ["大学", "理工大学", "工业大学", "农业大学", "师范大学", "工程技术学院", "化工学院"]
INST_SUFFIX = ["研究院", "研究所", "技术研究院", "产业技术研究院", "工程研究中心"]

FIELD_ADJ = ["高端", "先进", "智能", "绿色", "新型", "高性能", "精密", "特种", "现代", "数字"]
FIELD_CORE = ["碳纤维及复合材料", "新能源汽车", "智能网联汽车", "光电信息", "卫星遥感", "轨道交通装备",
              "氢能装备", "化工新材料", "生物医药", "医疗器械", "人参精深加工", "农业机械",
              "冰雪装备", "集成电路", "工业软件", "储能电池", "玄武岩纤维", "中药现代化",
              "光学精密仪器", "半导体激光器", "动力电池回收", "燃料电池", "农产品加工", "精细化工"]

PHASES = [("P1", "关键技术攻关期", 2025, 2026),
          ("P2", "中试验证与示范期", 2027, 2028),
          ("P3", "产业化推广期", 2029, 2030)]

# Goal slots: slot 0 is technology, slot 1 industry, slot 2 one of the ecosystem kinds.
# (category, name verb, indicator, unit, baseline range, step range, direction)
# (verb, suffix, indicator, unit, baseline range, step range, direction); tech names: verb+object+suffix.
TECH_GOALS = [("突破", "", "技术攻关数", "项", (2, 6), (3, 8), "up"),
              ("提升", "良率", "良品率", "%", (70, 85), (3, 5), "up"),
              ("降低", "能耗", "单位能耗", "吨标煤", (90, 120), (5, 12), "down"),
              ("研制", "", "首台套数", "台", (0, 3), (2, 5), "up")]
INDUSTRY_GOALS = [("产值倍增", "产业链产值", "亿元", (50, 300), (30, 120), "up"),
                  ("本地配套", "本地配套率", "%", (20, 40), (5, 10), "up"),
                  ("企业培育", "专精特新企业", "家", (5, 20), (5, 15), "up")]
# (category, name, indicator, unit, baseline range, step range)
OTHER_GOALS = [("ecosystem", "平台建设", "服务平台数", "个", (1, 3), (1, 3)),
               ("talent", "人才引育", "高层次人才", "人", (10, 50), (10, 40)),
               ("ip", "专利布局", "发明专利数", "件", (20, 80), (20, 60)),
               ("standard", "标准引领", "制定标准数", "项", (1, 5), (2, 6))]
TECH_OBJECTS = ["高性能原丝", "电驱动系统", "激光器芯片", "氢燃料电堆", "车规级芯片", "复合材料构件",
                "遥感载荷", "转向架", "高纯化学品", "医用影像", "智能传感器", "工业控制软件"]

GOV_AGENCIES = {"central": ["科技部", "工信部", "国家发改委"],
                "provincial": ["省科技厅", "省工信厅", "省发改委", "省财政厅"],
                "municipal": ["市科技局", "市工信局", "市财政局"]}  # municipal: prefixed with the city
MAIN_INSTRUMENTS = [("grant", "重大科技专项"), ("subsidy", "研发后补助"), ("equity", "引导基金投资"),
                    ("loan", "科技贷款贴息"), ("procurement", "首台套采购"), ("scenario", "开放应用场景"),
                    ("insurance", "首台套保险"), ("tax", "加计扣除")]
TALENT_MEASURES = ["人才引育计划", "联合培养研究生", "人才股权激励"]
IP_MEASURES = ["专利池共建", "知识产权协议", "高价值专利培育"]
OWN_INSTRUMENTS = [("platform", "共建中试平台"), ("management", "理事会运行"),
                   ("platform", "共享仪器设施"), ("scenario", "开放自有场景")]
OWN_AGENCIES = ["牵头企业", "联合体理事会", "联合体秘书处"]


def sql_str(s):
    """SQL string literal."""
    return "'" + s.replace("'", "''") + "'"


def plan_str(s):
    """Plan-file string literal (SPEC §2 escapes)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def dec(n, places):
    """The integer n scaled by 10^-places as a short decimal string: dec(45, 1) == '4.5'."""
    if places == 0:
        return str(n)
    sign = "-" if n < 0 else ""
    n = abs(n)
    q, r = divmod(n, 10 ** places)
    if r == 0:
        return sign + str(q)
    frac = str(r).rjust(places, "0").rstrip("0")
    return f"{sign}{q}.{frac}"


SCHEMA = """\
CREATE TABLE plan(id INTEGER PRIMARY KEY CHECK (id = 1), title TEXT, region TEXT,
  horizon_start INTEGER, horizon_end INTEGER, currency TEXT NOT NULL DEFAULT '万元',
  weighting TEXT NOT NULL DEFAULT 'direct', method TEXT NOT NULL DEFAULT 'weighted',
  cutoff INTEGER, gov_share_warn REAL NOT NULL DEFAULT 0.3, gov_share_max REAL NOT NULL DEFAULT 0.5,
  members_min INTEGER NOT NULL DEFAULT 5, members_max INTEGER NOT NULL DEFAULT 30);
CREATE TABLE criterion(id TEXT PRIMARY KEY, name TEXT NOT NULL, tag TEXT NOT NULL DEFAULT 'other',
  type TEXT NOT NULL DEFAULT 'benefit', scale_min REAL NOT NULL DEFAULT 1,
  scale_max REAL NOT NULL DEFAULT 10, weight REAL);
CREATE TABLE compare(a TEXT NOT NULL REFERENCES criterion(id), b TEXT NOT NULL REFERENCES criterion(id),
  value REAL NOT NULL, PRIMARY KEY (a, b));
CREATE TABLE field(id TEXT PRIMARY KEY, name TEXT NOT NULL, note TEXT, justification TEXT);
CREATE TABLE score(field TEXT NOT NULL REFERENCES field(id), criterion TEXT NOT NULL REFERENCES criterion(id),
  value REAL NOT NULL, source TEXT, PRIMARY KEY (field, criterion));
CREATE TABLE org(id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, size TEXT, ownership TEXT,
  rd_intensity REAL);
CREATE TABLE consortium(id TEXT PRIMARY KEY, name TEXT NOT NULL, field TEXT NOT NULL REFERENCES field(id),
  period_start INTEGER, period_end INTEGER, agreement INTEGER NOT NULL DEFAULT 0,
  ip_strategy INTEGER NOT NULL DEFAULT 0, committee INTEGER NOT NULL DEFAULT 0);
CREATE TABLE member(consortium TEXT NOT NULL REFERENCES consortium(id), org TEXT NOT NULL REFERENCES org(id),
  role TEXT NOT NULL DEFAULT 'member', chain TEXT, PRIMARY KEY (consortium, org));
CREATE TABLE phase(id TEXT PRIMARY KEY, name TEXT NOT NULL, period_start INTEGER NOT NULL,
  period_end INTEGER NOT NULL);
CREATE TABLE goal(id TEXT PRIMARY KEY, name TEXT NOT NULL, phase TEXT NOT NULL REFERENCES phase(id),
  consortium TEXT REFERENCES consortium(id), category TEXT NOT NULL DEFAULT 'tech', indicator TEXT,
  unit TEXT, baseline REAL, baseline_year INTEGER, target REAL, direction TEXT NOT NULL DEFAULT 'up');
CREATE TABLE goal_after(goal TEXT NOT NULL REFERENCES goal(id), "after" TEXT NOT NULL REFERENCES goal(id),
  PRIMARY KEY (goal, "after"));
CREATE TABLE measure(id TEXT PRIMARY KEY, name TEXT NOT NULL, phase TEXT NOT NULL REFERENCES phase(id),
  consortium TEXT REFERENCES consortium(id), instrument TEXT, funder TEXT, amount REAL, agency TEXT,
  start TEXT);
CREATE TABLE funding(consortium TEXT NOT NULL REFERENCES consortium(id), phase TEXT NOT NULL REFERENCES phase(id),
  source TEXT NOT NULL, amount REAL NOT NULL CHECK (amount >= 0), PRIMARY KEY (consortium, phase, source));
"""


class Writer:
    """Collects plan lines and SQL lines, flushing in chunks; counts statements and bytes."""

    def __init__(self, plan_path, sql_path):
        self.plan = open(plan_path, "w", encoding="utf-8", newline="\n")
        self.sql = open(sql_path, "w", encoding="utf-8", newline="\n") if sql_path else None
        self.plan_buf, self.sql_buf = [], []
        self.plan_statements = 0
        self.sql_statements = 0

    def add(self, plan_line, *sql_lines):
        self.plan_buf.append(plan_line)
        self.plan_statements += 1
        if self.sql is not None:
            self.sql_buf.extend(sql_lines)
            self.sql_statements += len(sql_lines)
        if len(self.plan_buf) >= 20000:
            self.flush()

    def raw_sql(self, text):
        if self.sql is not None:
            self.sql_buf.append(text.rstrip("\n"))

    def flush(self):
        if self.plan_buf:
            self.plan.write("\n".join(self.plan_buf) + "\n")
            self.plan_buf = []
        if self.sql is not None and self.sql_buf:
            self.sql.write("\n".join(self.sql_buf) + "\n")
            self.sql_buf = []

    def close(self):
        self.flush()
        self.plan.close()
        if self.sql is not None:
            self.sql.close()


def ins(table, *values):
    """INSERT statement; values are already SQL literals (strings) or None."""
    return f"INSERT INTO {table} VALUES(" + ",".join("NULL" if v is None else v for v in values) + ");"


def generate(n, seed, plan_path, sql_path, order="canonical", distinct_names=False):
    """Writes the plan (and the SQL script, when sql_path) of N consortia; returns the numbers
    of plan statements and SQL INSERTs.

    order: "canonical" (kind order, natural key order within a kind) or "consortium" (the global
    kinds, then each consortium's orgs, consortium, members, goals, measures and funding together,
    as a script writing a plan from a spreadsheet would). distinct_names: every goal and measure
    named distinctly (its consortium and ID in brackets). The same seed gives the same data in
    either order; the SQL script is in kind order (its foreign keys need it) and does not depend
    on `order`."""
    rng = random.Random(seed)
    w = Writer(plan_path, sql_path)
    nfields = max(1, n // 2)

    # --- plan -----------------------------------------------------------------------------
    region = rng.choice(REGIONS)
    title = f"{region}创新联合体布局规划（2025—2030年）"
    # The header is a comment, not a statement; the schema is not counted as statements either.
    w.plan_buf.append("# cplan plan 1")
    w.raw_sql("PRAGMA foreign_keys=ON;\n" + SCHEMA + "BEGIN;")
    w.add(f"set plan title {plan_str(title)} region {plan_str(region)} horizon 2025..2030 cutoff {nfields}",
          ins("plan", "1", sql_str(title), sql_str(region), "2025", "2030", "'万元'", "'direct'",
              "'weighted'", str(nfields), "0.3", "0.5", "5", "30"))

    # --- criteria (weights in hundredths, sum exactly 100) -----------------------------------
    criteria = [("C1", "产业链基础与带动力", "chain", 30), ("C2", "领军企业牵引力", "leader", 25),
                ("C3", "科教资源支撑力", "science", 20), ("C4", "卡脖子问题紧迫性", "urgency", 25)]
    for cid, name, tag, wt in criteria:
        w.add(f"add criterion {cid} {plan_str(name)} tag {tag} weight {dec(wt, 2)}",
              ins("criterion", sql_str(cid), sql_str(name), sql_str(tag), "'benefit'", "1", "10", dec(wt, 2)))

    # --- fields and scores ---------------------------------------------------------------
    # Scores have 2 decimals in [1, 10]. The weighted sum in units of 1e-4 is an integer, and
    # fields are re-drawn until it is unique, so no two fields tie (R07). After 200 tries a third
    # decimal is allowed (never needed for N <= 20,000, but keeps the generator total).
    field_names = []
    for i in range(1, nfields + 1):
        field_names.append(rng.choice(FIELD_ADJ) + rng.choice(FIELD_CORE))
    for i, name in enumerate(field_names, 1):
        fid = f"F{i}"
        w.add(f"add field {fid} {plan_str(name)}", ins("field", sql_str(fid), sql_str(name), None, None))
    seen = set()
    all_scores = []
    for i in range(1, nfields + 1):
        places, tries = 2, 0
        while True:
            scale = 10 ** places
            xs = [rng.randint(1 * scale, 10 * scale) for _ in criteria]
            key = sum(x * c[3] * 10 ** (3 - places) for x, c in zip(xs, criteria))
            if key not in seen:
                seen.add(key)
                break
            tries += 1
            if tries == 200:
                places = 3
        all_scores.append((xs, places))
    for i, (xs, places) in enumerate(all_scores, 1):
        fid = f"F{i}"
        for x, c in zip(xs, criteria):
            v = dec(x, places)
            w.add(f"add score {fid} {c[0]} {v}", ins("score", sql_str(fid), sql_str(c[0]), v, None))

    # --- per-consortium data, drawn first so each kind can be written in order -----------------
    orgs, consortia, members, goals, measures, fundings = [], [], [], [], [], []
    gid = mid = 0
    for k in range(1, n + 1):
        kid = f"K{k}"
        city = rng.choice(CITIES)
        field_idx = (k - 1) % nfields  # every field gets two consortia (one when N is odd, last)
        core = field_names[field_idx]
        ind = rng.choice(INDUSTRIES)
        obase = (k - 1) * 6
        oids = [f"O{obase + j}" for j in range(1, 7)]
        # lead enterprise
        lead_name = f"{city}{rng.choice(BRANDS)}{ind}{rng.choice(COMPANY_SUFFIX)}"
        orgs.append((oids[0], lead_name, "enterprise", "large", rng.choice(["soe", "private", "mixed"]),
                     rng.randint(30, 90)))
        orgs.append((oids[1], f"{rng.choice(CITIES)}{rng.choice(UNIV_SUFFIX)}", "university", None, None, None))
        orgs.append((oids[2], f"{rng.choice(CITIES)}{ind}{rng.choice(INST_SUFFIX)}", "institute", None, None, None))
        for j in range(3, 6):
            orgs.append((oids[j], f"{rng.choice(CITIES)}{rng.choice(BRANDS)}{rng.choice(SHORT_INDUSTRIES)}有限公司",
                         "enterprise", rng.choice(["small", "small", "medium"]),
                         "private" if rng.random() < 0.3 else None, rng.randint(20, 150)))
        rng.choice([2025, 2025, 2025, 2026])  # drawn as before, so the rest of the data is unchanged
        # 2026..2030: five years (R18) that reach the goals of the last phase (R46: a goal is due
        # within its consortium's period).
        start = 2026
        consortia.append((kid, f"{core}创新联合体", f"F{field_idx + 1}", start, start + 4,
                          rng.random() < 0.9, True, rng.random() < 0.8))
        members.append((kid, oids[0], "lead", "midstream"))
        members.append((kid, oids[1], "core", "platform"))
        members.append((kid, oids[2], "core", "platform"))
        members.append((kid, oids[3], "member", "upstream"))
        members.append((kid, oids[4], rng.choice(["member", "core"]), "midstream"))
        members.append((kid, oids[5], "member", "downstream"))

        # goals: same indicator per slot across the phases, targets moving in one direction
        tech = rng.choice(TECH_GOALS)
        industry = rng.choice(INDUSTRY_GOALS)
        other = OTHER_GOALS[0] if k == 1 else rng.choice(OTHER_GOALS)  # plan needs an ecosystem goal
        obj = rng.choice(TECH_OBJECTS)
        slots = [("tech", f"{tech[0]}{obj}{tech[1]}", tech[2], tech[3], tech[4], tech[5], tech[6]),
                 ("industry", industry[0], industry[1], industry[2], industry[3], industry[4], industry[5]),
                 (other[0], other[1], other[2], other[3], other[4], other[5], "up")]
        values = []
        for cat, name, indicator, unit, (b0, b1), (s0, s1), direction in slots:
            v = rng.randint(b0, b1)
            seq = [v]
            for _ in PHASES:
                step = rng.randint(s0, s1)
                v = v - step if direction == "down" else v + step
                seq.append(v)
            values.append(seq)
        prev = None
        for p, (pid, _, pstart, _) in enumerate(PHASES):
            ids = []
            for s, (cat, name, indicator, unit, _, _, direction) in enumerate(slots):
                gid += 1
                g = f"G{gid}"
                ids.append(g)
                after = []
                if prev is not None:
                    if s < 2:
                        after = [prev[s]]
                    elif p == 2 and rng.random() < 0.5:
                        after = [prev[0], prev[2]]
                goals.append((g, name, pid, kid, cat, indicator, unit, values[s][p], values[s][p + 1],
                              direction, after))
            prev = ids

        # measures and funding per phase: government lines ≤ 30% share, government measures
        # within the government line (R28), no government-funded management (R29)
        gov = rng.choice(["provincial", "provincial", "municipal", "central"])
        for pid, _, pstart, _ in PHASES:
            ent = rng.randint(50, 200) * 100
            govamt = ent * rng.randint(10, 35) // 100 // 10 * 10
            start_month = f"{pstart}-01"
            inst, mname = rng.choice(MAIN_INSTRUMENTS)
            agency = rng.choice(GOV_AGENCIES[gov])
            if gov == "municipal":
                agency = city + agency
            main_amt = govamt * rng.randint(40, 60) // 100 // 10 * 10
            talent_amt = govamt * rng.randint(20, 35) // 100 // 10 * 10
            mid += 1
            measures.append((f"M{mid}", mname, pid, kid, inst, gov, main_amt, agency, start_month))
            mid += 1
            measures.append((f"M{mid}", rng.choice(TALENT_MEASURES), pid, kid, "talent", gov, talent_amt,
                             agency, start_month))
            # every measure starts with its phase (R30 warns of an undated measure)
            mid += 1
            measures.append((f"M{mid}", rng.choice(IP_MEASURES), pid, kid, "ip", "enterprise", None,
                             rng.choice(OWN_AGENCIES), start_month))
            mid += 1
            inst2, mname2 = rng.choice(OWN_INSTRUMENTS)
            measures.append((f"M{mid}", mname2, pid, kid, inst2, "enterprise", rng.randint(10, 80) * 100,
                             rng.choice(OWN_AGENCIES), start_month))
            # in natural key order (`central` < `enterprise` < `municipal`), as cplan saves them
            fundings.extend(sorted([(kid, pid, "enterprise", ent), (kid, pid, gov, govamt)], key=lambda f: f[2]))

    # Two orgs of one name draw R47: a name drawn twice gets its ID in brackets.
    used = set()
    for i, (oid, name, *rest) in enumerate(orgs):
        if name in used:
            name = f"{name}（{oid}）"
            orgs[i] = (oid, name, *rest)
        used.add(name)

    if distinct_names:
        # A name of its own for every goal and measure (a script that writes a plan from a
        # spreadsheet, or a planner, names each one): fewer equal strings to share.
        goals = [(g, f"{name}（{rest[1]}·{g}）", *rest) for g, name, *rest in goals]
        measures = [(m, f"{name}（{rest[1]}·{m}）", *rest) for m, name, *rest in measures]

    def org_line(o):
        oid, name, typ, size, own, rd = o
        s = f"add org {oid} {plan_str(name)} type {typ}"
        if size:
            s += f" size {size}"
        if own:
            s += f" ownership {own}"
        if rd is not None:
            s += f" rd-intensity {dec(rd, 1)}%"
        w.add(s, ins("org", sql_str(oid), sql_str(name), sql_str(typ), size and sql_str(size),
                     own and sql_str(own), None if rd is None else dec(rd, 3)))

    def consortium_line(c):
        kid, name, fid, ps, pe, agreement, ipst, committee = c
        s = f"add consortium {kid} {plan_str(name)} field {fid} period {ps}..{pe}"
        if agreement:
            s += " agreement yes"
        if ipst:
            s += " ip-strategy yes"
        if committee:
            s += " committee yes"
        w.add(s, ins("consortium", sql_str(kid), sql_str(name), sql_str(fid), str(ps), str(pe),
                     str(int(agreement)), str(int(ipst)), str(int(committee))))

    def member_line(m):
        kid, oid, role, chain = m
        s = f"add member {kid} {oid}"
        if role != "member":
            s += f" role {role}"
        s += f" chain {chain}"
        w.add(s, ins("member", sql_str(kid), sql_str(oid), sql_str(role), sql_str(chain)))

    def phase_lines():
        for pid, name, ps, pe in PHASES:
            w.add(f"add phase {pid} {plan_str(name)} period {ps}..{pe}",
                  ins("phase", sql_str(pid), sql_str(name), str(ps), str(pe)))

    def goal_line(x):
        g, name, pid, kid, cat, indicator, unit, base, target, direction, after = x
        s = f"add goal {g} {plan_str(name)} phase {pid} consortium {kid}"
        if cat != "tech":
            s += f" category {cat}"
        s += f" indicator {plan_str(indicator)} unit {plan_str(unit)} baseline {base} target {target}"
        if direction != "up":
            s += f" direction {direction}"
        if after:
            s += " after " + ",".join(after)
        w.add(s, ins("goal", sql_str(g), sql_str(name), sql_str(pid), sql_str(kid), sql_str(cat),
                     sql_str(indicator), sql_str(unit), str(base), None, str(target), sql_str(direction)),
              *[ins("goal_after", sql_str(g), sql_str(a)) for a in after])

    def measure_line(x):
        m, name, pid, kid, inst, funder, amount, agency, start = x
        s = f"add measure {m} {plan_str(name)} phase {pid} consortium {kid} instrument {inst} funder {funder}"
        if amount is not None:
            s += f" amount {amount}"
        s += f" agency {plan_str(agency)}"
        if start is not None:
            s += f" start {start}"
        w.add(s, ins("measure", sql_str(m), sql_str(name), sql_str(pid), sql_str(kid), sql_str(inst),
                     sql_str(funder), None if amount is None else str(amount), sql_str(agency),
                     None if start is None else sql_str(start)))

    def funding_line(f):
        kid, pid, source, amount = f
        w.add(f"add funding {kid} {pid} {source} {amount}",
              ins("funding", sql_str(kid), sql_str(pid), sql_str(source), str(amount)))

    if order == "consortium":
        # --- grouped per consortium: the phases, then each consortium's orgs, the consortium,
        # its members, goals, measures and funding together (the lists hold a fixed number per
        # consortium, in consortium order) ------------------------------------------------------
        phase_lines()
        per = {name: len(items) // n for name, items in
               (("org", orgs), ("member", members), ("goal", goals), ("measure", measures), ("funding", fundings))}
        for k in range(n):
            for o in orgs[k * per["org"]:(k + 1) * per["org"]]:
                org_line(o)
            consortium_line(consortia[k])
            for m in members[k * per["member"]:(k + 1) * per["member"]]:
                member_line(m)
            for g in goals[k * per["goal"]:(k + 1) * per["goal"]]:
                goal_line(g)
            for m in measures[k * per["measure"]:(k + 1) * per["measure"]]:
                measure_line(m)
            for f in fundings[k * per["funding"]:(k + 1) * per["funding"]]:
                funding_line(f)
    else:
        # --- write in kind order ----------------------------------------------------------------
        for o in orgs:
            org_line(o)
        for c in consortia:
            consortium_line(c)
        for m in members:
            member_line(m)
        phase_lines()
        for g in goals:
            goal_line(g)
        for m in measures:
            measure_line(m)
        for f in fundings:
            funding_line(f)
    w.raw_sql("COMMIT;")
    w.close()
    return w.plan_statements, w.sql_statements


def add_follow_up(plan_path, out_path, years, seed=1):
    """Writes `out_path`: the generated plan at `plan_path` followed through `years` years
    (SPEC §11): `# cplan plan 2`, `as-of` = 2025 + years - 1, one actual per goal per year of
    2025..as-of after the goal's baseline-year (the year before its phase starts), and one outlay
    per consortium, year and source of its funding lines. Actuals move from the baseline towards
    the target at 50-120% of the straight line's pace (so every status occurs); an outlay pays
    60-110% of the line's share of the year. Statements stay in canonical order: actuals after
    the goals, outlays after the funding lines, each in natural key order. Returns the number of
    statements added."""
    import re
    rng = random.Random(seed * 7919 + years)
    as_of = 2025 + years - 1
    with open(plan_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    phases = {}
    for line in lines:
        m = re.match(r'add phase (\S+) .* period (\d{4})\.\.(\d{4})', line)
        if m:
            phases[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    actuals, outlays = [], []
    last_goal = last_funding = None
    by_consortium = {}
    for i, line in enumerate(lines):
        if line.startswith("add goal "):
            last_goal = i
            gid = line.split(" ", 3)[2]
            ph = re.search(r' phase (\S+)', line)
            b = re.search(r' baseline (\S+)', line)
            t = re.search(r' target (\S+)', line)
            if not (ph and b and t) or ph.group(1) not in phases:
                continue
            start, end = phases[ph.group(1)]
            base, target = float(b.group(1)), float(t.group(1))
            pace = rng.uniform(0.5, 1.2)
            for y in range(max(2025, start), as_of + 1):
                share = min(1.0, (y - (start - 1)) / (end - (start - 1))) * pace
                actuals.append(f"add actual {gid} {y} {dec(round((base + (target - base) * share) * 100), 2)}")
        elif line.startswith("add funding "):
            last_funding = i
            _, _, k, pid, source, amount = line.split(" ")[:6]
            start, end = phases[pid]
            for y in range(max(2025, start), min(end, as_of) + 1):
                paid = float(amount) / (end - start + 1) * rng.uniform(0.6, 1.1)
                by_consortium.setdefault(k, {}).setdefault((y, source), 0)
                by_consortium[k][(y, source)] += round(paid)
    for k, cells in by_consortium.items():
        for (y, source), amount in sorted(cells.items()):
            outlays.append(f"add outlay {k} {y} {source} {amount}")
    out = list(lines)
    out[last_funding + 1:last_funding + 1] = outlays
    out[last_goal + 1:last_goal + 1] = actuals
    out[0] = "# cplan plan 2"
    for i, line in enumerate(out):
        if line.startswith("set plan "):
            out[i] = line + f" as-of {as_of}"
            break
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))
    return len(actuals) + len(outlays)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, metavar="N", help="number of consortia (N/2 fields)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--plan", required=True, help="plan file to write")
    ap.add_argument("--sql", help="SQL script to write (optional)")
    ap.add_argument("--order", choices=["canonical", "consortium"], default="canonical",
                    help="statement order: canonical (kind order, default) or consortium (grouped per "
                         "consortium: its orgs, members, goals, measures and funding together)")
    ap.add_argument("--distinct-names", action="store_true",
                    help="name every goal and measure distinctly (its consortium and ID in brackets)")
    ap.add_argument("--actuals", type=int, metavar="YEARS", default=0,
                    help="follow the plan through YEARS years from 2025 (SPEC §11): as-of, one actual per goal "
                         "per year and the outlays of each funding line (a version-2 plan)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("N must be at least 1")
    plan_statements, sql_statements = generate(args.n, args.seed, args.plan, args.sql, args.order,
                                                args.distinct_names)
    if args.actuals:
        add_follow_up(args.plan, args.plan, args.actuals, args.seed)
    if not args.quiet:
        import os
        size = os.path.getsize(args.plan)
        print(f"{args.plan}: {plan_statements} statements, {size} bytes ({size / 1e6:.1f} MB)")
        if args.sql:
            ssize = os.path.getsize(args.sql)
            print(f"{args.sql}: {sql_statements} INSERTs, {ssize} bytes ({ssize / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
