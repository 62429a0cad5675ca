-- cplan database export of plan 'plan' (SQLite and PostgreSQL)
BEGIN;
CREATE TABLE IF NOT EXISTS "plan" (
  "plan" TEXT NOT NULL,
  "title" TEXT,
  "region" TEXT,
  "horizon_start" INTEGER,
  "horizon_end" INTEGER,
  "currency" TEXT,
  "weighting" TEXT,
  "method" TEXT,
  "cutoff" INTEGER,
  "gov_share_warn" DOUBLE PRECISION,
  "gov_share_max" DOUBLE PRECISION,
  "members_min" INTEGER,
  "members_max" INTEGER,
  "period_min" INTEGER,
  "period_max" INTEGER,
  "rd_intensity_min" DOUBLE PRECISION,
  "start_grace" INTEGER,
  "as_of" INTEGER,
  "on_track_min" DOUBLE PRECISION,
  "at_risk_min" DOUBLE PRECISION,
  "cr_max" DOUBLE PRECISION,
  "weight_move" DOUBLE PRECISION,
  "rating_aggregate" TEXT,
  "consensus_min" DOUBLE PRECISION,
  "language" TEXT,
  PRIMARY KEY ("plan")
);
CREATE TABLE IF NOT EXISTS "criterion" (
  "plan" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "tag" TEXT,
  "type" TEXT,
  "scale_min" DOUBLE PRECISION,
  "scale_max" DOUBLE PRECISION,
  "weight" DOUBLE PRECISION,
  PRIMARY KEY ("plan", "id"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan")
);
CREATE TABLE IF NOT EXISTS "compare" (
  "plan" TEXT NOT NULL,
  "criterion1" TEXT NOT NULL,
  "criterion2" TEXT NOT NULL,
  "value" DOUBLE PRECISION NOT NULL,
  PRIMARY KEY ("plan", "criterion1", "criterion2"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "criterion1") REFERENCES "criterion" ("plan", "id"),
  FOREIGN KEY ("plan", "criterion2") REFERENCES "criterion" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "field" (
  "plan" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "note" TEXT,
  "justification" TEXT,
  PRIMARY KEY ("plan", "id"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan")
);
CREATE TABLE IF NOT EXISTS "score" (
  "plan" TEXT NOT NULL,
  "field" TEXT NOT NULL,
  "criterion" TEXT NOT NULL,
  "value" DOUBLE PRECISION NOT NULL,
  "source" TEXT,
  PRIMARY KEY ("plan", "field", "criterion"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "field") REFERENCES "field" ("plan", "id"),
  FOREIGN KEY ("plan", "criterion") REFERENCES "criterion" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "org" (
  "plan" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "type" TEXT,
  "size" TEXT,
  "ownership" TEXT,
  "rd_intensity" DOUBLE PRECISION,
  PRIMARY KEY ("plan", "id"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan")
);
CREATE TABLE IF NOT EXISTS "expert" (
  "plan" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "weight" DOUBLE PRECISION,
  "org" TEXT,
  "affiliation" TEXT,
  PRIMARY KEY ("plan", "id"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "org") REFERENCES "org" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "judgement" (
  "plan" TEXT NOT NULL,
  "expert" TEXT NOT NULL,
  "criterion1" TEXT NOT NULL,
  "criterion2" TEXT NOT NULL,
  "value" DOUBLE PRECISION NOT NULL,
  PRIMARY KEY ("plan", "expert", "criterion1", "criterion2"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "expert") REFERENCES "expert" ("plan", "id"),
  FOREIGN KEY ("plan", "criterion1") REFERENCES "criterion" ("plan", "id"),
  FOREIGN KEY ("plan", "criterion2") REFERENCES "criterion" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "rating" (
  "plan" TEXT NOT NULL,
  "expert" TEXT NOT NULL,
  "field" TEXT NOT NULL,
  "criterion" TEXT NOT NULL,
  "value" DOUBLE PRECISION NOT NULL,
  PRIMARY KEY ("plan", "expert", "field", "criterion"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "expert") REFERENCES "expert" ("plan", "id"),
  FOREIGN KEY ("plan", "field") REFERENCES "field" ("plan", "id"),
  FOREIGN KEY ("plan", "criterion") REFERENCES "criterion" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "consortium" (
  "plan" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "field" TEXT NOT NULL,
  "period_start" TEXT,
  "period_end" TEXT,
  "agreement" BOOLEAN,
  "ip_strategy" BOOLEAN,
  "committee" BOOLEAN,
  PRIMARY KEY ("plan", "id"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "field") REFERENCES "field" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "member" (
  "plan" TEXT NOT NULL,
  "consortium" TEXT NOT NULL,
  "org" TEXT NOT NULL,
  "role" TEXT,
  "chain" TEXT,
  PRIMARY KEY ("plan", "consortium", "org"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "consortium") REFERENCES "consortium" ("plan", "id"),
  FOREIGN KEY ("plan", "org") REFERENCES "org" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "phase" (
  "plan" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "period_start" TEXT NOT NULL,
  "period_end" TEXT NOT NULL,
  PRIMARY KEY ("plan", "id"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan")
);
CREATE TABLE IF NOT EXISTS "goal" (
  "plan" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "phase" TEXT NOT NULL,
  "consortium" TEXT,
  "category" TEXT,
  "indicator" TEXT,
  "unit" TEXT,
  "baseline" DOUBLE PRECISION,
  "baseline_year" INTEGER,
  "target" DOUBLE PRECISION,
  "direction" TEXT,
  "after" TEXT,
  "target_year" INTEGER,
  PRIMARY KEY ("plan", "id"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "phase") REFERENCES "phase" ("plan", "id"),
  FOREIGN KEY ("plan", "consortium") REFERENCES "consortium" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "checkpoint" (
  "plan" TEXT NOT NULL,
  "goal" TEXT NOT NULL,
  "year" INTEGER NOT NULL,
  "value" DOUBLE PRECISION NOT NULL,
  PRIMARY KEY ("plan", "goal", "year"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "goal") REFERENCES "goal" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "actual" (
  "plan" TEXT NOT NULL,
  "goal" TEXT NOT NULL,
  "year" INTEGER NOT NULL,
  "value" DOUBLE PRECISION,
  "status" TEXT,
  "source" TEXT,
  "note" TEXT,
  PRIMARY KEY ("plan", "goal", "year"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "goal") REFERENCES "goal" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "measure" (
  "plan" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "phase" TEXT NOT NULL,
  "consortium" TEXT,
  "instrument" TEXT,
  "funder" TEXT,
  "amount" DOUBLE PRECISION,
  "agency" TEXT,
  "start" TEXT,
  PRIMARY KEY ("plan", "id"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "phase") REFERENCES "phase" ("plan", "id"),
  FOREIGN KEY ("plan", "consortium") REFERENCES "consortium" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "funding" (
  "plan" TEXT NOT NULL,
  "consortium" TEXT NOT NULL,
  "phase" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "amount" DOUBLE PRECISION NOT NULL,
  PRIMARY KEY ("plan", "consortium", "phase", "source"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "consortium") REFERENCES "consortium" ("plan", "id"),
  FOREIGN KEY ("plan", "phase") REFERENCES "phase" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "outlay" (
  "plan" TEXT NOT NULL,
  "consortium" TEXT NOT NULL,
  "year" INTEGER NOT NULL,
  "source" TEXT NOT NULL,
  "amount" DOUBLE PRECISION NOT NULL,
  PRIMARY KEY ("plan", "consortium", "year", "source"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "consortium") REFERENCES "consortium" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "ranking" (
  "plan" TEXT NOT NULL,
  "field" TEXT NOT NULL,
  "rank" INTEGER NOT NULL,
  "score" DOUBLE PRECISION NOT NULL,
  "method" TEXT NOT NULL,
  PRIMARY KEY ("plan", "field"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan"),
  FOREIGN KEY ("plan", "field") REFERENCES "field" ("plan", "id")
);
CREATE TABLE IF NOT EXISTS "diagnostics" (
  "plan" TEXT NOT NULL,
  "seq" INTEGER NOT NULL,
  "severity" TEXT NOT NULL,
  "code" TEXT NOT NULL,
  "message" TEXT NOT NULL,
  "line" INTEGER,
  "col" INTEGER,
  PRIMARY KEY ("plan", "seq"),
  FOREIGN KEY ("plan") REFERENCES "plan" ("plan")
);
DELETE FROM "diagnostics" WHERE "plan" = 'plan';
DELETE FROM "ranking" WHERE "plan" = 'plan';
DELETE FROM "outlay" WHERE "plan" = 'plan';
DELETE FROM "funding" WHERE "plan" = 'plan';
DELETE FROM "measure" WHERE "plan" = 'plan';
DELETE FROM "actual" WHERE "plan" = 'plan';
DELETE FROM "checkpoint" WHERE "plan" = 'plan';
DELETE FROM "goal" WHERE "plan" = 'plan';
DELETE FROM "phase" WHERE "plan" = 'plan';
DELETE FROM "member" WHERE "plan" = 'plan';
DELETE FROM "consortium" WHERE "plan" = 'plan';
DELETE FROM "rating" WHERE "plan" = 'plan';
DELETE FROM "judgement" WHERE "plan" = 'plan';
DELETE FROM "expert" WHERE "plan" = 'plan';
DELETE FROM "org" WHERE "plan" = 'plan';
DELETE FROM "score" WHERE "plan" = 'plan';
DELETE FROM "field" WHERE "plan" = 'plan';
DELETE FROM "compare" WHERE "plan" = 'plan';
DELETE FROM "criterion" WHERE "plan" = 'plan';
DELETE FROM "plan" WHERE "plan" = 'plan';
INSERT INTO "plan" ("plan", "title", "region", "horizon_start", "horizon_end", "currency", "weighting", "method", "cutoff", "gov_share_warn", "gov_share_max", "members_min", "members_max", "period_min", "period_max", "rd_intensity_min", "start_grace", "as_of", "on_track_min", "at_risk_min", "cr_max", "weight_move", "rating_aggregate", "consensus_min", "language") VALUES
('plan', 'Demo 示范规划: Latin, 中文 & "quotes" <b>|x|</b>', '吉林省 Jilin', 2025, 2027, '万元', 'direct', 'weighted', 1, 0.3, 0.5, 5, 30, 3, 5, 0.03, 0, NULL, 0.9, 0.7, 0.1, 0.1, 'mean', 0.5, NULL);
INSERT INTO "criterion" ("plan", "id", "name", "tag", "type", "scale_min", "scale_max", "weight") VALUES
('plan', 'C1', '产业链基础', 'chain', 'benefit', 1.0, 10.0, 0.5),
('plan', 'C2', 'Leader q̃uality, 领军', 'leader', 'benefit', 1.0, 10.0, 0.3),
('plan', 'C3', '科教资源', 'science', 'benefit', 1.0, 10.0, 0.2);
INSERT INTO "field" ("plan", "id", "name", "note", "justification") VALUES
('plan', 'F1', '新能源汽车, NEV', NULL, NULL),
('plan', 'F2', '碳纤维 "T1000"', NULL, NULL),
('plan', 'F3', 'x̄ photonics 光电', NULL, '省级战略: "光谷" <plan>');
INSERT INTO "score" ("plan", "field", "criterion", "value", "source") VALUES
('plan', 'F1', 'C1', 9.0, NULL),
('plan', 'F1', 'C2', 8.0, NULL),
('plan', 'F1', 'C3', 6.0, NULL),
('plan', 'F2', 'C1', 7.0, NULL),
('plan', 'F2', 'C2', 9.0, NULL),
('plan', 'F2', 'C3', 5.0, NULL),
('plan', 'F3', 'C1', 5.0, NULL),
('plan', 'F3', 'C2', 6.0, NULL),
('plan', 'F3', 'C3', 9.0, NULL);
INSERT INTO "org" ("plan", "id", "name", "type", "size", "ownership", "rd_intensity") VALUES
('plan', 'cas', '中科院 | CAS *institute*', 'institute', NULL, NULL, NULL),
('plan', 'faw', '一汽, FAW "Group"
第二行', 'enterprise', 'large', 'soe', 0.045),
('plan', 'jcfc', '吉林化纤', 'enterprise', 'large', NULL, 0.02),
('plan', 'jlu', 'Université de Jilin 吉林大学', 'university', NULL, NULL, NULL),
('plan', 'sme', 'q̃ Small SME 小微企业', 'enterprise', 'small', 'private', NULL);
INSERT INTO "consortium" ("plan", "id", "name", "field", "period_start", "period_end", "agreement", "ip_strategy", "committee") VALUES
('plan', 'K1', '汽车联合体 (NEV)', 'F1', '2025-01', '2027-12', TRUE, TRUE, FALSE),
('plan', 'K2', '碳纤维 Consortium, 2nd', 'F2', '2025-03', '2027-06', FALSE, FALSE, FALSE);
INSERT INTO "member" ("plan", "consortium", "org", "role", "chain") VALUES
('plan', 'K1', 'cas', 'core', NULL),
('plan', 'K1', 'faw', 'lead', 'downstream'),
('plan', 'K1', 'jlu', 'core', 'platform'),
('plan', 'K1', 'sme', 'member', 'upstream'),
('plan', 'K2', 'jcfc', 'lead', 'midstream'),
('plan', 'K2', 'jlu', 'member', 'platform');
INSERT INTO "phase" ("plan", "id", "name", "period_start", "period_end") VALUES
('plan', 'P1', '攻关期', '2025-01', '2025-12'),
('plan', 'P2', '推广期 Roll-out', '2026-01', '2026-12'),
('plan', 'P3', 'Ecosystem 生态期', '2027-01', '2027-12');
INSERT INTO "goal" ("plan", "id", "name", "phase", "consortium", "category", "indicator", "unit", "baseline", "baseline_year", "target", "direction", "after", "target_year") VALUES
('plan', 'G1', '电池能量密度, "Wh/kg"', 'P1', 'K1', 'tech', '能量密度', 'Wh/kg', 250.0, 2024, 300.0, 'up', NULL, NULL),
('plan', 'G2', '能耗下降
（第二行）', 'P2', 'K1', 'industry', '单车能耗', 'kWh/100km', 15.0, NULL, 12.5, 'down', 'G1', NULL),
('plan', 'G3', 'Ecosystem: 50 SMEs', 'P3', 'K1', 'ecosystem', '配套企业', '家', 10.0, NULL, 50.0, 'up', 'G2', NULL),
('plan', 'G4', 'T1000 量产', 'P1', 'K2', 'tech', '产能', '吨', 0.0, NULL, 500.0, 'up', NULL, NULL),
('plan', 'G5', '区域标准', 'P2', NULL, 'standard', '标准数', '项', 0.0, NULL, 3.0, 'up', NULL, NULL),
('plan', 'G6', '人才, 引进', 'P3', NULL, 'talent', '人才数', '人', 5.0, NULL, 40.25, 'up', NULL, NULL);
INSERT INTO "measure" ("plan", "id", "name", "phase", "consortium", "instrument", "funder", "amount", "agency", "start") VALUES
('plan', 'M1', '揭榜挂帅, 专项 "A"', 'P1', 'K1', 'grant', 'provincial', 1234.5, '省科技厅, 高新处', '2025-01'),
('plan', 'M2', '人才	激励', 'P1', 'K1', 'talent', 'enterprise', 800.0, 'FAW HR', '2025-03'),
('plan', 'M3', '应用场景
开放', 'P2', 'K1', 'scenario', 'municipal', NULL, '市工信局', '2026-01'),
('plan', 'M4', '首批次保险', 'P2', 'K2', 'insurance', 'central', 100000.0, '工信部 <MIIT>', '2026-02'),
('plan', 'M5', '公共平台', 'P3', NULL, 'platform', 'provincial', 0.1, '省发改委 & 财政厅', NULL);
INSERT INTO "funding" ("plan", "consortium", "phase", "source", "amount") VALUES
('plan', 'K1', 'P1', 'enterprise', 8000.0),
('plan', 'K1', 'P1', 'provincial', 1234.5),
('plan', 'K1', 'P2', 'enterprise', 9000.0),
('plan', 'K1', 'P2', 'municipal', 1000.0),
('plan', 'K1', 'P3', 'social', 500.0),
('plan', 'K2', 'P1', 'central', 6000.0),
('plan', 'K2', 'P1', 'enterprise', 2000.0),
('plan', 'K2', 'P2', 'provincial', 3000.0);
INSERT INTO "ranking" ("plan", "field", "rank", "score", "method") VALUES
('plan', 'F1', 1, 0.788888888888889, 'weighted'),
('plan', 'F2', 2, 0.6888888888888889, 'weighted'),
('plan', 'F3', 3, 0.5666666666666667, 'weighted');
INSERT INTO "diagnostics" ("plan", "seq", "severity", "code", "message", "line", "col") VALUES
('plan', 1, 'warning', 'R19', 'K2 的牵头企业 jcfc（吉林化纤）研发投入强度为 2%，低于 3%', 22, 1),
('plan', 2, 'warning', 'R13', '联合体 K1（汽车联合体 (NEV)）的成员没有覆盖产业链中游（已覆盖：上游、下游）', 23, 1),
('plan', 3, 'warning', 'R15', '联合体 K1（汽车联合体 (NEV)）有 4 个成员，不在 members-min..members-max（5..30）之内', 23, 1),
('plan', 4, 'error', 'R27', '联合体 K2（碳纤维 Consortium, 2nd）资金中政府出资占比 81.8%（中央 6000 + 省级 3000 = 9000，共 11000 万元），超过 gov-share-max 50%', 24, 1),
('plan', 5, 'warning', 'R09', '联合体 K2（碳纤维 Consortium, 2nd）所属领域 F2（碳纤维 "T1000"）排名第 2，在 cutoff 1 之外，且该领域没有 justification（理由）', 24, 1),
('plan', 6, 'warning', 'R13', '联合体 K2（碳纤维 Consortium, 2nd）的成员没有覆盖产业链上游、下游（已覆盖：中游）', 24, 1),
('plan', 7, 'warning', 'R14', '联合体 K2（碳纤维 Consortium, 2nd）没有中小企业成员', 24, 1),
('plan', 8, 'warning', 'R15', '联合体 K2（碳纤维 Consortium, 2nd）有 2 个成员，不在 members-min..members-max（5..30）之内', 24, 1),
('plan', 9, 'warning', 'R16', '联合体 K2（碳纤维 Consortium, 2nd）没有知识产权战略：ip-strategy 为 no，且没有 instrument 为 ip 的措施', 24, 1),
('plan', 10, 'warning', 'R17', '联合体 K2（碳纤维 Consortium, 2nd）没有人才激励措施（instrument talent）', 24, 1),
('plan', 11, 'warning', 'R18', '联合体 K2（碳纤维 Consortium, 2nd）的建设期 2025-03..2027-06 为 2.33 年，不在 3 到 5 年之间', 24, 1),
('plan', 12, 'warning', 'R26', '联合体 K2（碳纤维 Consortium, 2nd）在阶段 P2、P3 没有目标', 24, 1),
('plan', 13, 'warning', 'R30', '措施 M2（人才	激励）于 2025-03 开始，晚于所属阶段 P1 的开始（2025-01）；支持措施应提前部署', 41, 1),
('plan', 14, 'warning', 'R28', 'K2 在 P2 由中央出资的措施（M4）合计 100000 万元，但 K2 在 P2 没有中央资金额度', 43, 1),
('plan', 15, 'warning', 'R30', '措施 M4（首批次保险）于 2026-02 开始，晚于所属阶段 P2 的开始（2026-01）；支持措施应提前部署', 43, 1),
('plan', 16, 'warning', 'R30', '措施 M5（公共平台）没有开始月份，无法与所属阶段 P3（2027-01 开始）核对；请设置开始月份（start）', 44, 1),
('plan', 17, 'error', 'R27', '联合体 K2（碳纤维 Consortium, 2nd）阶段 P1 资金中政府出资占比 75%（中央 6000，共 8000 万元），超过 gov-share-max 50%', 50, 1),
('plan', 18, 'error', 'R27', '联合体 K2（碳纤维 Consortium, 2nd）阶段 P2 资金中政府出资占比 100%（省级 3000，共 3000 万元），超过 gov-share-max 50%', 52, 1);
COMMIT;
