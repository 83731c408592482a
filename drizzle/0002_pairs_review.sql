-- The review list sorts and filters pairs by the reply's time. It is copied onto the pair
-- (sent_at) and kept there by triggers, so a page is one index range scan with no join.
ALTER TABLE `training_pairs` ADD `sent_at` text;--> statement-breakpoint
UPDATE `training_pairs` SET `sent_at` = (SELECT m.`sent_at` FROM `messages` m WHERE m.`id` = `training_pairs`.`reply_message_id`);--> statement-breakpoint
CREATE INDEX `pairs_status_sent_idx` ON `training_pairs` (`status`,`sent_at`);--> statement-breakpoint
CREATE INDEX `pairs_account_sent_idx` ON `training_pairs` (`account_id`,`status`,`sent_at`);--> statement-breakpoint
CREATE INDEX `pairs_language_sent_idx` ON `training_pairs` (`status`,`language`,`sent_at`);--> statement-breakpoint
CREATE INDEX `pairs_account_language_sent_idx` ON `training_pairs` (`account_id`,`status`,`language`,`sent_at`);--> statement-breakpoint
CREATE TRIGGER `pairs_sent_at_ai` AFTER INSERT ON `training_pairs` WHEN new.sent_at IS NULL BEGIN
  UPDATE training_pairs SET sent_at = (SELECT sent_at FROM messages WHERE id = new.reply_message_id) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `pairs_sent_at_reply_au` AFTER UPDATE OF reply_message_id ON `training_pairs` WHEN new.reply_message_id IS NOT old.reply_message_id BEGIN
  UPDATE training_pairs SET sent_at = (SELECT sent_at FROM messages WHERE id = new.reply_message_id) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `messages_sent_at_pairs_au` AFTER UPDATE OF sent_at ON `messages` WHEN new.sent_at IS NOT old.sent_at BEGIN
  UPDATE training_pairs SET sent_at = new.sent_at WHERE reply_message_id = new.id;
END;
