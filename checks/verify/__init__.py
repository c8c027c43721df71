"""The built site against its sources (OUT): the pages as a reader gets them (output), the downloads
against each other (exported), and the whole verification (built). It imports no producer.
"""
