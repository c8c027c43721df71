"""Text finders: references to provisions (refs), defined terms and instruments (termforms), and the
words a reader types into search (searchterms). Dates and durations are found by ``checks.rules.dates``
and ``checks.rules.durations``.
"""
