"""What a backup holds is said in words, in the order a person reads a journey."""

from nextround.io.backup import describe_counts


def test_counts_read_journey_first_settings_last_and_skip_empty_tables():
    counts = {"preferences": 2, "contacts": 3, "applications": 1, "rounds": 0, "feedback": 1}
    assert describe_counts(counts) == ("1 application, 3 contacts, 1 piece of feedback, 2 settings")


def test_a_table_without_words_is_named_after_itself_at_the_end():
    assert describe_counts({"new_things": 2, "stories": 1}) == "1 story, 2 new things"
