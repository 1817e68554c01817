"""Extraction: raw bytes to a story (text, title, date, section). No NLP model runs here.

read        bytes -> text: encoding, format, refusals with a reason
html        a saved page: trafilatura's main text, metadata from the page's own markup
dump        a text dump: site chrome dropped, the densest prose run kept, title and section found
dates       publication dates in a page's header lines, zones
language    language identification (py3langid), stop words (jusText)
story       one raw page -> Story
handwritten a Markdown article an editor wrote in the content folder -> its story
"""
