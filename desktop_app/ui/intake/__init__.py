"""The intake wizard (受理): industry → situation → 一次告知 → form → materials → acceptance."""
