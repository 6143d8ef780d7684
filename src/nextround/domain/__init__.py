"""Pure domain model: entities, rules and maths, with no storage or web imports."""
