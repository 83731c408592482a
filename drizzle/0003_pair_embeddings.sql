CREATE TABLE `pair_embeddings` (
	`pair_id` integer PRIMARY KEY NOT NULL,
	`model` text NOT NULL,
	`dimensions` integer NOT NULL,
	`vector` blob NOT NULL,
	`embedded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`pair_id`) REFERENCES `training_pairs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pair_embeddings_model_idx` ON `pair_embeddings` (`model`,`dimensions`);--> statement-breakpoint
-- A vector describes the client text as approved: it goes when that text changes, when the pair
-- leaves "approved" (reject, reset) or when sync marks it orphaned. Hand-written.
CREATE TRIGGER `pair_embeddings_stale` AFTER UPDATE OF `status`, `client_text`, `client_text_edited`, `orphaned_at` ON `training_pairs`
WHEN NEW.`status` <> 'approved' OR NEW.`orphaned_at` IS NOT NULL
  OR NEW.`client_text` IS NOT OLD.`client_text`
  OR NEW.`client_text_edited` IS NOT OLD.`client_text_edited`
BEGIN
  DELETE FROM `pair_embeddings` WHERE `pair_id` = NEW.`id`;
END;
