"""Text finders: references to provisions (refs), defined terms and instruments (termforms), dates
(dates), durations (durations) and the words a reader types into search (searchterms).
"""
