-- A person's mentions, newest first, for their inbox.
create index comment_mention_user on comment_mention (user_id);
