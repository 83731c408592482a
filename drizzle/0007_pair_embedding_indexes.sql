CREATE TABLE `pair_embedding_indexes` (
	`model` text NOT NULL,
	`dimensions` integer NOT NULL,
	`embedded` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`model`, `dimensions`)
);
--> statement-breakpoint
-- Hand-written: the counts and versions follow every row of pair_embeddings, whoever writes it
-- (a pair's vector replaced, the 0003 trigger, a cascade from a deleted pair).
INSERT INTO `pair_embedding_indexes` (`model`, `dimensions`, `embedded`, `version`)
SELECT `model`, `dimensions`, count(*), 1 FROM `pair_embeddings` GROUP BY `model`, `dimensions`;
--> statement-breakpoint
CREATE TRIGGER `pair_embedding_indexes_insert` AFTER INSERT ON `pair_embeddings`
BEGIN
  INSERT INTO `pair_embedding_indexes` (`model`, `dimensions`, `embedded`, `version`)
  VALUES (NEW.`model`, NEW.`dimensions`, 1, 1)
  ON CONFLICT (`model`, `dimensions`) DO UPDATE SET `embedded` = `embedded` + 1, `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pair_embedding_indexes_delete` AFTER DELETE ON `pair_embeddings`
BEGIN
  UPDATE `pair_embedding_indexes` SET `embedded` = `embedded` - 1, `version` = `version` + 1
  WHERE `model` = OLD.`model` AND `dimensions` = OLD.`dimensions`;
END;
--> statement-breakpoint
CREATE TRIGGER `pair_embedding_indexes_update` AFTER UPDATE ON `pair_embeddings`
BEGIN
  UPDATE `pair_embedding_indexes` SET `embedded` = `embedded` - 1, `version` = `version` + 1
  WHERE `model` = OLD.`model` AND `dimensions` = OLD.`dimensions`;
  INSERT INTO `pair_embedding_indexes` (`model`, `dimensions`, `embedded`, `version`)
  VALUES (NEW.`model`, NEW.`dimensions`, 1, 1)
  ON CONFLICT (`model`, `dimensions`) DO UPDATE SET `embedded` = `embedded` + 1, `version` = `version` + 1;
END;
