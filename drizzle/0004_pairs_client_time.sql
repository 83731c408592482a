-- A pair's time is when the client wrote (its client message's Date), not when we replied:
-- the review list shows, sorts and filters by it. The column and its indexes stay; the
-- triggers now follow the client message, and existing pairs take its time.
DROP TRIGGER IF EXISTS `pairs_sent_at_ai`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `pairs_sent_at_reply_au`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `messages_sent_at_pairs_au`;--> statement-breakpoint
UPDATE `training_pairs` SET `sent_at` = (SELECT m.`sent_at` FROM `messages` m WHERE m.`id` = `training_pairs`.`client_message_id`);--> statement-breakpoint
CREATE TRIGGER `pairs_sent_at_ai` AFTER INSERT ON `training_pairs` WHEN new.sent_at IS NULL BEGIN
  UPDATE training_pairs SET sent_at = (SELECT sent_at FROM messages WHERE id = new.client_message_id) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `pairs_sent_at_client_au` AFTER UPDATE OF client_message_id ON `training_pairs` WHEN new.client_message_id IS NOT old.client_message_id BEGIN
  UPDATE training_pairs SET sent_at = (SELECT sent_at FROM messages WHERE id = new.client_message_id) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `messages_sent_at_pairs_au` AFTER UPDATE OF sent_at ON `messages` WHEN new.sent_at IS NOT old.sent_at BEGIN
  UPDATE training_pairs SET sent_at = new.sent_at WHERE client_message_id = new.id;
END;
