# The FAQ bot: its hand-over messages, and the owner's FAQ gaps and synonyms page.
bot-handoff-shortly = I've passed your question to our team. Someone will answer shortly.
bot-handoff-by = I've passed your question to our team. We'll answer by { $time } on { $day }.
