-- Search finds a pair by its subject too: pairs_fts gains a subject column (the client
-- message's subject, stemmed like the texts), rebuilt for every existing pair. The column goes
-- last so bm25 weights given by position (client, reply) keep their meaning.
DROP TRIGGER IF EXISTS `pairs_fts_ai`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `pairs_fts_ad`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `pairs_fts_au`;--> statement-breakpoint
DROP TABLE IF EXISTS `pairs_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `pairs_fts` USING fts5(client, reply, subject, content='', contentless_delete=1);
--> statement-breakpoint
CREATE TRIGGER `pairs_fts_ai` AFTER INSERT ON `training_pairs` BEGIN
  INSERT INTO pairs_fts(rowid, client, reply, subject) VALUES (
    new.id,
    rb_stem(coalesce(new.client_text_edited, new.client_text)),
    rb_stem(coalesce(new.reply_text_edited, new.reply_text)),
    rb_stem((SELECT subject FROM messages WHERE id = new.client_message_id)));
END;
--> statement-breakpoint
CREATE TRIGGER `pairs_fts_ad` AFTER DELETE ON `training_pairs` BEGIN
  DELETE FROM pairs_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `pairs_fts_au` AFTER UPDATE OF client_text, reply_text, client_text_edited, reply_text_edited, client_message_id ON `training_pairs` BEGIN
  DELETE FROM pairs_fts WHERE rowid = old.id;
  INSERT INTO pairs_fts(rowid, client, reply, subject) VALUES (
    new.id,
    rb_stem(coalesce(new.client_text_edited, new.client_text)),
    rb_stem(coalesce(new.reply_text_edited, new.reply_text)),
    rb_stem((SELECT subject FROM messages WHERE id = new.client_message_id)));
END;
--> statement-breakpoint
CREATE TRIGGER `messages_subject_pairs_fts_au` AFTER UPDATE OF subject ON `messages` WHEN new.subject IS NOT old.subject BEGIN
  DELETE FROM pairs_fts WHERE rowid IN (SELECT id FROM training_pairs WHERE client_message_id = new.id);
  INSERT INTO pairs_fts(rowid, client, reply, subject)
    SELECT id, rb_stem(coalesce(client_text_edited, client_text)), rb_stem(coalesce(reply_text_edited, reply_text)), rb_stem(new.subject)
    FROM training_pairs WHERE client_message_id = new.id;
END;
--> statement-breakpoint
INSERT INTO pairs_fts(rowid, client, reply, subject)
  SELECT p.id, rb_stem(coalesce(p.client_text_edited, p.client_text)), rb_stem(coalesce(p.reply_text_edited, p.reply_text)), rb_stem(m.subject)
  FROM training_pairs p LEFT JOIN messages m ON m.id = p.client_message_id;
