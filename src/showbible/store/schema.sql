-- The head schema of a showbible SQLite store (store/fresh.py); generated.
BEGIN;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE builds (
	id INTEGER NOT NULL, 
	started VARCHAR(40) NOT NULL, 
	finished VARCHAR(40), 
	status VARCHAR(16) NOT NULL, 
	message TEXT, 
	parsed INTEGER, 
	cached INTEGER, 
	seconds FLOAT, 
	PRIMARY KEY (id)
);
CREATE TABLE characters (
	id VARCHAR(200) NOT NULL, 
	name TEXT NOT NULL, 
	provisional BOOLEAN NOT NULL, 
	role BOOLEAN NOT NULL, 
	home VARCHAR(64), 
	performer TEXT, 
	suggestion VARCHAR(200), 
	appearances INTEGER NOT NULL, 
	speeches INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE encounters (
	a VARCHAR(200) NOT NULL, 
	b VARCHAR(200) NOT NULL, 
	release_scene INTEGER NOT NULL, 
	story_scene INTEGER NOT NULL, 
	scenes INTEGER NOT NULL
);
CREATE INDEX ix_encounters_a ON encounters (a);
CREATE INDEX ix_encounters_b ON encounters (b);
CREATE TABLE episodes (
	"key" VARCHAR(200) NOT NULL, 
	series VARCHAR(64) NOT NULL, 
	id VARCHAR(128) NOT NULL, 
	position INTEGER NOT NULL, 
	release_pos INTEGER NOT NULL, 
	title TEXT, 
	released VARCHAR(32), 
	story VARCHAR(64), 
	file TEXT, 
	scenes INTEGER NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE INDEX ix_episodes_series ON episodes (series);
CREATE TABLE facts (
	id INTEGER NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	subject VARCHAR(200), 
	object TEXT, 
	scene INTEGER, 
	file TEXT, 
	line INTEGER, 
	source VARCHAR(16) NOT NULL, 
	confidence FLOAT, 
	detail TEXT, 
	PRIMARY KEY (id)
);
CREATE TABLE files (
	path VARCHAR(1024) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	size INTEGER NOT NULL, 
	parsed BLOB NOT NULL, 
	PRIMARY KEY (path)
);
CREATE TABLE findings (
	id INTEGER NOT NULL, 
	rule VARCHAR(64) NOT NULL, 
	severity VARCHAR(16) NOT NULL, 
	file TEXT NOT NULL, 
	line INTEGER NOT NULL, 
	scene INTEGER NOT NULL, 
	characters TEXT NOT NULL, 
	message TEXT NOT NULL, 
	evidence TEXT NOT NULL, 
	sealed BOOLEAN NOT NULL, 
	seal_reason TEXT, 
	inferred BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_findings_rule ON findings (rule);
CREATE INDEX ix_findings_scene ON findings (scene);
CREATE TABLE interactions (
	a VARCHAR(200) NOT NULL, 
	b VARCHAR(200) NOT NULL, 
	episode VARCHAR(200) NOT NULL, 
	release_pos INTEGER NOT NULL, 
	scenes INTEGER NOT NULL, 
	exchanges INTEGER NOT NULL, 
	a_to_b INTEGER NOT NULL, 
	b_to_a INTEGER NOT NULL
);
CREATE INDEX ix_interactions_a ON interactions (a);
CREATE INDEX ix_interactions_b ON interactions (b);
CREATE TABLE knowledge (
	character VARCHAR(200) NOT NULL, 
	secret VARCHAR(200) NOT NULL, 
	scene INTEGER, 
	line INTEGER NOT NULL, 
	file TEXT NOT NULL, 
	source VARCHAR(16) NOT NULL, 
	how VARCHAR(16) NOT NULL
);
CREATE INDEX ix_knowledge_character ON knowledge (character);
CREATE TABLE labels (
	character VARCHAR(200) NOT NULL, 
	series VARCHAR(64) NOT NULL, 
	label TEXT NOT NULL, 
	speeches INTEGER NOT NULL
);
CREATE INDEX ix_labels_character ON labels (character);
CREATE TABLE meta (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE presence (
	scene INTEGER NOT NULL, 
	character VARCHAR(200) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	line INTEGER NOT NULL, 
	how VARCHAR(16), 
	identity VARCHAR(64)
);
CREATE INDEX ix_presence_character ON presence (character);
CREATE INDEX ix_presence_scene ON presence (scene);
CREATE TABLE relations (
	id INTEGER NOT NULL, 
	a VARCHAR(200) NOT NULL, 
	b VARCHAR(200) NOT NULL, 
	verb VARCHAR(16) NOT NULL, 
	kind VARCHAR(64), 
	mutual BOOLEAN, 
	scene INTEGER, 
	line INTEGER NOT NULL, 
	file TEXT NOT NULL, 
	source VARCHAR(16) NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_relations_a ON relations (a);
CREATE INDEX ix_relations_b ON relations (b);
CREATE TABLE scenes (
	id INTEGER NOT NULL, 
	"key" VARCHAR(220) NOT NULL, 
	series VARCHAR(64) NOT NULL, 
	episode VARCHAR(128) NOT NULL, 
	number INTEGER NOT NULL, 
	heading TEXT NOT NULL, 
	file TEXT NOT NULL, 
	line INTEGER NOT NULL, 
	end_line INTEGER NOT NULL, 
	place VARCHAR(200), 
	location TEXT, 
	story VARCHAR(64), 
	flashback BOOLEAN NOT NULL, 
	release_pos INTEGER NOT NULL, 
	story_pos INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE ("key")
);
CREATE INDEX ix_scenes_release_pos ON scenes (release_pos);
CREATE INDEX ix_scenes_series ON scenes (series);
CREATE INDEX ix_scenes_story_pos ON scenes (story_pos);
CREATE TABLE series (
	id VARCHAR(64) NOT NULL, 
	title TEXT, 
	position INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE tells (
	scene INTEGER NOT NULL, 
	character VARCHAR(200) NOT NULL, 
	secret VARCHAR(200) NOT NULL, 
	line INTEGER NOT NULL
);
CREATE INDEX ix_tells_scene ON tells (scene);
CREATE TABLE proposals (
	id INTEGER NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	subject TEXT NOT NULL, 
	object TEXT NOT NULL, 
	file TEXT NOT NULL, 
	line INTEGER NOT NULL, 
	sentence TEXT NOT NULL, 
	confidence FLOAT NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE extracts (
	path VARCHAR(1024) NOT NULL, 
	cue_key VARCHAR(64) NOT NULL, 
	cues TEXT NOT NULL, 
	facts_key VARCHAR(64) NOT NULL, 
	facts BLOB NOT NULL, 
	PRIMARY KEY (path)
);
INSERT INTO alembic_version (version_num) VALUES ('0003');
COMMIT;
