"""Keeping approval states in step: across a hall's counters, and with the regional platform."""
