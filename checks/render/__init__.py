"""What the hooks render into pages from the model: the fact placeholders (placeholders).
"""
