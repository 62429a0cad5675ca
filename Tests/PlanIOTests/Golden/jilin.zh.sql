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
('plan', '吉林省创新联合体建设规划（2025—2030年）', '吉林省', 2025, 2030, '万元', 'ahp', 'weighted', 2, 0.3, 0.5, 5, 30, 3, 5, 0.03, 0, NULL, 0.9, 0.7, 0.1, 0.1, 'mean', 0.5, NULL);
INSERT INTO "criterion" ("plan", "id", "name", "tag", "type", "scale_min", "scale_max", "weight") VALUES
('plan', 'C1', '产业链基础', 'chain', 'benefit', 1.0, 10.0, NULL),
('plan', 'C2', '领军企业', 'leader', 'benefit', 1.0, 10.0, NULL),
('plan', 'C3', '科教资源', 'science', 'benefit', 1.0, 10.0, NULL),
('plan', 'C4', '卡脖子紧迫程度', 'urgency', 'benefit', 1.0, 10.0, NULL);
INSERT INTO "compare" ("plan", "criterion1", "criterion2", "value") VALUES
('plan', 'C1', 'C2', 1.0),
('plan', 'C1', 'C3', 2.0),
('plan', 'C1', 'C4', 0.5),
('plan', 'C2', 'C3', 1.0),
('plan', 'C2', 'C4', 0.5),
('plan', 'C3', 'C4', 0.3333333333333333);
INSERT INTO "field" ("plan", "id", "name", "note", "justification") VALUES
('plan', 'F1', '新能源与智能网联汽车', '牵头：中国一汽', NULL),
('plan', 'F2', '碳纤维及复合材料', '牵头：吉林化纤集团；前驱体产能 16 万吨、碳纤维产能 4.9 万吨，居全国首位', NULL),
('plan', 'F3', '光电信息与卫星', '长春光机所、长光卫星', NULL),
('plan', 'F4', '轨道交通与氢能列车', '中车长客氢能市域列车 2024 年 3 月完成 160 km/h 满载试验', NULL),
('plan', 'F5', '高端化工材料', '吉林石化', NULL);
INSERT INTO "score" ("plan", "field", "criterion", "value", "source") VALUES
('plan', 'F1', 'C1', 9.0, NULL),
('plan', 'F1', 'C2', 9.0, NULL),
('plan', 'F1', 'C3', 7.0, NULL),
('plan', 'F1', 'C4', 8.0, NULL),
('plan', 'F2', 'C1', 8.0, NULL),
('plan', 'F2', 'C2', 7.0, NULL),
('plan', 'F2', 'C3', 5.0, NULL),
('plan', 'F2', 'C4', 9.0, NULL),
('plan', 'F3', 'C1', 6.0, NULL),
('plan', 'F3', 'C2', 6.0, NULL),
('plan', 'F3', 'C3', 9.0, NULL),
('plan', 'F3', 'C4', 7.0, NULL),
('plan', 'F4', 'C1', 7.0, NULL),
('plan', 'F4', 'C2', 8.0, NULL),
('plan', 'F4', 'C3', 6.0, NULL),
('plan', 'F4', 'C4', 6.0, NULL),
('plan', 'F5', 'C1', 8.0, NULL),
('plan', 'F5', 'C2', 6.0, NULL),
('plan', 'F5', 'C3', 5.0, NULL),
('plan', 'F5', 'C4', 6.0, NULL);
INSERT INTO "org" ("plan", "id", "name", "type", "size", "ownership", "rd_intensity") VALUES
('plan', 'cfsme', '吉林市碳纤维复合材料制品企业（示例）', 'enterprise', 'small', 'private', 0.05),
('plan', 'chipsme', '长春车规芯片设计企业（示例）', 'enterprise', 'small', 'private', 0.12),
('plan', 'ciac', '中国科学院长春应用化学研究所', 'institute', NULL, NULL, NULL),
('plan', 'ciomp', '中国科学院长春光学精密机械与物理研究所', 'institute', NULL, NULL, NULL),
('plan', 'crrc', '中车长春轨道客车股份有限公司', 'enterprise', 'large', 'soe', 0.040999999999999995),
('plan', 'faw', '中国第一汽车集团有限公司', 'enterprise', 'large', 'soe', 0.046),
('plan', 'jcfc', '吉林化学纤维集团有限责任公司', 'enterprise', 'large', 'soe', 0.035),
('plan', 'jlpc', '中国石油吉林石化公司', 'enterprise', 'large', 'soe', 0.018000000000000002),
('plan', 'jlu', '吉林大学', 'university', NULL, NULL, NULL),
('plan', 'partsme', '长春汽车电子零部件企业（示例）', 'enterprise', 'medium', 'private', 0.06),
('plan', 'thu', '清华大学', 'university', NULL, NULL, NULL);
INSERT INTO "consortium" ("plan", "id", "name", "field", "period_start", "period_end", "agreement", "ip_strategy", "committee") VALUES
('plan', 'K1', '碳纤维及复合材料创新联合体', 'F2', '2025-01', '2029-12', TRUE, TRUE, TRUE),
('plan', 'K2', '新能源与智能网联汽车创新联合体', 'F1', '2025-01', '2029-12', TRUE, TRUE, TRUE);
INSERT INTO "member" ("plan", "consortium", "org", "role", "chain") VALUES
('plan', 'K1', 'cfsme', 'core', 'midstream'),
('plan', 'K1', 'ciac', 'core', 'platform'),
('plan', 'K1', 'crrc', 'member', 'downstream'),
('plan', 'K1', 'faw', 'member', 'downstream'),
('plan', 'K1', 'jcfc', 'lead', 'midstream'),
('plan', 'K1', 'jlpc', 'core', 'upstream'),
('plan', 'K1', 'jlu', 'core', 'platform'),
('plan', 'K2', 'chipsme', 'core', 'upstream'),
('plan', 'K2', 'ciomp', 'member', 'platform'),
('plan', 'K2', 'faw', 'lead', 'downstream'),
('plan', 'K2', 'jcfc', 'member', 'upstream'),
('plan', 'K2', 'jlu', 'core', 'platform'),
('plan', 'K2', 'partsme', 'core', 'midstream'),
('plan', 'K2', 'thu', 'core', 'platform');
INSERT INTO "phase" ("plan", "id", "name", "period_start", "period_end") VALUES
('plan', 'P1', '攻关突破期', '2025-01', '2026-12'),
('plan', 'P2', '产业化推进期', '2027-01', '2028-12'),
('plan', 'P3', '生态完善期', '2029-01', '2030-12');
INSERT INTO "goal" ("plan", "id", "name", "phase", "consortium", "category", "indicator", "unit", "baseline", "baseline_year", "target", "direction", "after", "target_year") VALUES
('plan', 'G101', 'T1000 级碳纤维工程化', 'P1', 'K1', 'tech', 'T1000级碳纤维产能', '吨', 0.0, 2024, 500.0, 'up', NULL, NULL),
('plan', 'G102', '复合材料占比提升（2026）', 'P1', 'K1', 'industry', '复合材料占碳纤维产业链产值比重', '%', 20.0, 2024, 40.0, 'up', NULL, NULL),
('plan', 'G103', 'T1000 级碳纤维规模化生产', 'P2', 'K1', 'tech', 'T1000级碳纤维产能', '吨', 500.0, NULL, 3000.0, 'up', 'G101', NULL),
('plan', 'G104', '复合材料占比提升（2028）', 'P2', 'K1', 'industry', '复合材料占碳纤维产业链产值比重', '%', 40.0, NULL, 50.0, 'up', 'G102', NULL),
('plan', 'G105', '碳纤维核心专利', 'P2', 'K1', 'ip', '发明专利授权量', '件', 30.0, NULL, 120.0, 'up', NULL, NULL),
('plan', 'G106', '复合材料占比提升（2029）', 'P3', 'K1', 'industry', '复合材料占碳纤维产业链产值比重', '%', 50.0, NULL, 60.0, 'up', 'G104', 2029),
('plan', 'G107', '碳纤维复合材料应用生态', 'P3', 'K1', 'ecosystem', '轨道客车与汽车示范应用场景', '个', 2.0, NULL, 20.0, 'up', 'G103', 2029),
('plan', 'G201', '揭榜挂帅关键技术攻关', 'P1', 'K2', 'tech', '完成攻关课题数', '项', 0.0, NULL, 29.0, 'up', NULL, NULL),
('plan', 'G202', '新能源汽车产能提升', 'P2', 'K2', 'industry', '新能源汽车年产量', '万辆', 20.0, 2024, 50.0, 'up', 'G201', NULL),
('plan', 'G203', '车规级芯片国产化', 'P2', 'K2', 'tech', '车规级芯片本地配套率', '%', 5.0, NULL, 25.0, 'up', 'G201', NULL),
('plan', 'G204', '智能网联汽车标准', 'P2', 'K2', 'standard', '牵头制定国家和行业标准', '项', 2.0, NULL, 10.0, 'up', NULL, NULL),
('plan', 'G205', '新能源汽车规模化', 'P3', 'K2', 'industry', '新能源汽车年产量', '万辆', 50.0, NULL, 80.0, 'up', 'G202', 2029),
('plan', 'G206', '汽车产业创新生态', 'P3', 'K2', 'ecosystem', '配套中小企业数量', '家', 120.0, NULL, 300.0, 'up', NULL, 2029),
('plan', 'G207', '单车制造能耗下降', 'P3', 'K2', 'tech', '单车制造综合能耗', '千克标准煤/辆', 380.0, NULL, 300.0, 'down', NULL, 2029);
INSERT INTO "measure" ("plan", "id", "name", "phase", "consortium", "instrument", "funder", "amount", "agency", "start") VALUES
('plan', 'M101', '碳纤维关键核心技术揭榜挂帅专项', 'P1', 'K1', 'grant', 'provincial', 3000.0, '吉林省科学技术厅', '2025-01'),
('plan', 'M102', '碳纤维领军人才与创新团队引育', 'P1', 'K1', 'talent', 'municipal', 1500.0, '吉林市人力资源和社会保障局', '2025-01'),
('plan', 'M103', '知识产权共享与运营服务', 'P1', 'K1', 'ip', 'provincial', 500.0, '吉林省知识产权局', '2025-01'),
('plan', 'M104', '新材料首批次应用后补助', 'P2', 'K1', 'subsidy', 'provincial', 4000.0, '吉林省工业和信息化厅', '2027-01'),
('plan', 'M105', '开放轨道客车与汽车应用场景', 'P2', 'K1', 'scenario', 'municipal', 2000.0, '吉林市工业和信息化局', '2027-01'),
('plan', 'M106', '首批次新材料保险补偿', 'P2', 'K1', 'insurance', 'provincial', 1000.0, '吉林省工业和信息化厅', '2026-10'),
('plan', 'M107', '省级产业投资引导基金参股', 'P3', 'K1', 'equity', 'provincial', 3000.0, '吉林省财政厅', '2029-01'),
('plan', 'M108', '碳纤维复合材料公共检测平台', 'P3', 'K1', 'platform', 'municipal', 2500.0, '吉林市科学技术局', '2029-01'),
('plan', 'M201', '一汽专项：9个项目29个课题揭榜挂帅', 'P1', 'K2', 'grant', 'provincial', 5000.0, '吉林省科学技术厅', '2025-01'),
('plan', 'M202', '核心技术人才股权激励', 'P1', 'K2', 'talent', 'enterprise', 2000.0, '中国第一汽车集团有限公司', '2025-01'),
('plan', 'M203', '新能源汽车推广与政府采购', 'P2', 'K2', 'procurement', 'provincial', 3000.0, '吉林省财政厅', '2027-01'),
('plan', 'M204', '智能网联汽车测试示范区开放场景', 'P2', 'K2', 'scenario', 'municipal', 2000.0, '长春市工业和信息化局', '2027-01'),
('plan', 'M205', '研发费用加计扣除政策落实', 'P3', 'K2', 'tax', 'central', NULL, '国家税务总局吉林省税务局', '2029-01'),
('plan', 'M206', '科技型企业贷款贴息', 'P3', 'K2', 'loan', 'bank', 10000.0, '吉林省地方金融管理局', '2029-01'),
('plan', 'M207', '汽车产业链中小企业融通创新平台', 'P3', 'K2', 'platform', 'municipal', 1500.0, '长春市科学技术局', '2028-10');
INSERT INTO "funding" ("plan", "consortium", "phase", "source", "amount") VALUES
('plan', 'K1', 'P1', 'enterprise', 34000.0),
('plan', 'K1', 'P1', 'municipal', 2000.0),
('plan', 'K1', 'P1', 'provincial', 4000.0),
('plan', 'K1', 'P2', 'enterprise', 51000.0),
('plan', 'K1', 'P2', 'municipal', 4000.0),
('plan', 'K1', 'P2', 'provincial', 5000.0),
('plan', 'K1', 'P3', 'enterprise', 40000.0),
('plan', 'K1', 'P3', 'municipal', 4000.0),
('plan', 'K1', 'P3', 'provincial', 3000.0),
('plan', 'K2', 'P1', 'enterprise', 30000.0),
('plan', 'K2', 'P1', 'provincial', 6000.0),
('plan', 'K2', 'P2', 'enterprise', 40000.0),
('plan', 'K2', 'P2', 'municipal', 3000.0),
('plan', 'K2', 'P2', 'provincial', 5000.0),
('plan', 'K2', 'P3', 'enterprise', 35000.0),
('plan', 'K2', 'P3', 'municipal', 2000.0),
('plan', 'K2', 'P3', 'provincial', 3000.0);
INSERT INTO "ranking" ("plan", "field", "rank", "score", "method") VALUES
('plan', 'F1', 1, 0.8085948030013139, 'weighted'),
('plan', 'F2', 2, 0.7539936035149912, 'weighted'),
('plan', 'F3', 3, 0.6523419949978104, 'weighted'),
('plan', 'F4', 4, 0.6244814267107346, 'weighted'),
('plan', 'F5', 5, 0.590448974803381, 'weighted');
COMMIT;
