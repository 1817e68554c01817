"""Clean a text dump of a web page: drop site chrome, find the section, the title and the story.

A dump is every visible text block of a page, blocks separated by blank lines. The story is
the densest run of prose blocks: each block scores + its word count when it reads as prose
(long, many function words, ends a sentence) and a penalty otherwise (menus, buttons, bylines);
the best-scoring contiguous run wins (maximum subarray), and lines that end a story (related
links, comments, footers) cannot be crossed. Every phrase list is data (briefing/data/*.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.extract.dates import date_in_text, date_pattern
from briefing.extract.headline import NAME_WORDS, SEPARATOR, strip_site_name
from briefing.extract.lead import split_dateline
from briefing.extract.language import stopwords
from briefing.lexicon import patterns, prefix_pattern, words
from briefing.sections import taxonomy_section
from briefing.text import WORD, normalize

SHORT_PENALTY = 4  # a non-prose block costs this plus one per word
# A line that usually ends the story (related links, comments) costs this many typical
# paragraphs: only a story that goes on at length after it crosses it.
BARRIER_PARAGRAPHS = 2.5
MIN_PROSE_WORDS = 8
MIN_STOPWORD_RATIO = 0.18
TITLE_WORDS = (3, 30)
SECTION_SEPARATORS = r"[-–—>|/:»›]"
ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")
TRUNCATED = re.compile(r"[\w«“\"](\.\.\.|…)\s*$")  # an excerpt cut mid-sentence
SENTENCE_END = re.compile(r"([.!?…][»\"”’')\]]*|[»”])\s*$")
LINK_SEPARATOR = re.compile(r"\s*[:»›>|]")
BARE_DATE_OR_TIME = re.compile(r"^[\d\s/.:,h-]+(am|pm|'|’|′)?$")  # "19/02/2020", "07h45", "73'" (a match's minute)
CAPTION_WORDS = 25
TRUNCATED_PROSE_WORDS = 60  # a paragraph a paywall cuts is still prose; a teaser cut short is shorter
SENTENCE_GOES_ON = re.compile(r"^[,;)\]…]")  # the block after a piece of a sentence a tag split
FRAGMENT_START = re.compile(r"^(?:[,.;:)\]…]|[a-zà-ÿ]{2})")  # the rest of a sentence a tag split, not a headline ("iPhone" is)
ADDRESS = re.compile(r"@\w|\bwww\.|https?://")  # an e-mail, a handle or an address: a byline or a link, no headline
SHORT_TITLE_WORDS = 3  # content words: a shorter block shares at most that share of itself with the lead
REPEATED_SHARE = 0.5  # a short block said twice (a menu item) counts double only if it shares this with the lead


@dataclass
class CleanedText:
    title: str | None
    category: str | None
    paragraphs: list[str]
    header: list[str] = field(default_factory=list)  # blocks above the story (dates, bylines)


def split_units(text: str) -> list[str]:
    """Blocks separated by blank lines; a block of short lines is several units (a menu),
    a block of long lines is one hard-wrapped paragraph."""
    units: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [re.sub(r"\s+", " ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if len(lines) > 1 and _is_wrapped(lines):
            units.append(" ".join(lines))
        else:
            units.extend(lines)
    return units


CONTINUES = re.compile(r"^(?:[a-zà-ÿ]|[,.;:!?()\]»”…%])")  # a block that goes on with its sentence
DASHED = re.compile(r"\s[-–—]$")  # "KOBE –": a dateline, its story in the next block
FRAGMENT_WORDS = 8  # a link or an <em> cut out of a sentence is this short at most


def rejoin(units: list[str], lang: str) -> list[str]:
    """The sentences a tag-split dump (`get_text("\\n\\n")`) cut at every inline tag, joined
    again: a block that does not end a sentence goes on with the next one when that one
    continues it (lower case, punctuation), or with a short block (the link text) and the one
    after it when that one continues ("… l'administration de" + "Valérie Plante" + "a décidé …").
    A chain is kept only when it makes a sentence of prose (or a story's own first line: "This
    post originally appeared on" + "Grist" + "."): menus, bylines ("by Bob Yirka") and dates
    under a headline stay apart."""
    bylines = words("byline_words", lang)
    joined: list[str] = []
    i = 0
    while i < len(units):
        current, end = units[i], i + 1
        while end < len(units) and not SENTENCE_END.search(current):
            if (CONTINUES.match(units[end]) or DASHED.search(current)) \
                    and units[end].split(" ", 1)[0].lower() not in bylines:
                current, end = _glue(current, units[end]), end + 1
            elif (end + 1 < len(units) and len(WORD.findall(units[end])) <= FRAGMENT_WORDS
                  and not SENTENCE_END.search(units[end]) and CONTINUES.match(units[end + 1])):
                current, end = _glue(_glue(current, units[end]), units[end + 1]), end + 2
            else:
                break
        if end > i + 1 and SENTENCE_END.search(current) and (
                len(WORD.findall(current)) >= MIN_PROSE_WORDS or prefix_pattern("story_openers").match(normalize(current))):
            joined.append(current)
            i = end
        else:
            joined.append(units[i])
            i += 1
    return joined


def _glue(left: str, right: str) -> str:
    """Two pieces of one sentence: no space before closing punctuation or after an apostrophe."""
    if re.match(r"^[,.;:!?)\]»”…%]", right) and not right.startswith("»") or left.endswith(("'", "’", "(", "«\u00a0")):
        return left + right
    return left + " " + right


def _is_wrapped(lines: list[str]) -> bool:
    widest = max(len(line) for line in lines)
    return widest >= 50 and all(len(line) >= 0.6 * widest and not SENTENCE_END.search(line)
                                for line in lines[:-1])


def is_chrome(unit: str, prose: bool) -> bool:
    """Site chrome: a known button or menu line, a known prefix on a line that is not prose
    (or that a separator marks as a link: "À lire aussi » ..."), a photo caption or credit,
    a bare date or time, a cookie notice (prose or not: "This website uses cookies to improve
    your experience …")."""
    key = normalize(unit)
    if not key or key in words("chrome_lines") or BARE_DATE_OR_TIME.match(key) \
            or any(p.search(key) for p in patterns("consent_patterns")):
        return True
    prefix = prefix_pattern("chrome_prefixes").match(key)
    if prefix and (not prose or LINK_SEPARATOR.match(key, prefix.end() - 1)):
        return True
    return len(WORD.findall(unit)) <= CAPTION_WORDS and any(
        p.search(key) for p in patterns("caption_patterns"))


def is_end_marker(unit: str, prose: bool) -> bool:
    return not prose and len(WORD.findall(unit)) <= 10 and bool(
        prefix_pattern("end_markers").match(normalize(unit)))


def prose_words(unit: str, stop: frozenset[str]) -> int:
    """Word count when the block reads as story prose, else 0."""
    tokens = WORD.findall(unit)
    if len(tokens) < MIN_PROSE_WORDS or TRUNCATED.search(unit) and len(tokens) < TRUNCATED_PROSE_WORDS:
        return 0
    ratio = sum(t.lower() in stop for t in tokens) / len(tokens)
    if ratio >= MIN_STOPWORD_RATIO and SENTENCE_END.search(unit):
        return len(tokens)
    if ratio >= 2 * MIN_STOPWORD_RATIO and len(tokens) >= 3 * MIN_PROSE_WORDS:  # no full stop
        return len(tokens) // 2
    return 0


def best_span(scores: list[int]) -> tuple[int, int]:
    """The contiguous run with the highest total (first one on ties): [start, end)."""
    best, best_start, best_end = 0, 0, 0
    run, run_start = 0, 0
    for i, score in enumerate(scores):
        if run <= 0:
            run, run_start = 0, i
        run += score
        if run > best:
            best, best_start, best_end = run, run_start, i + 1
    return best_start, best_end


def clean_text_dump(text: str, lang: str) -> CleanedText:
    units = rejoin(split_units(text), lang)
    stop = stopwords(lang)
    prose = [prose_words(u, stop) for u in units]
    paragraph_sizes = sorted(n for n in prose if n) or [MIN_PROSE_WORDS]
    barrier = -BARRIER_PARAGRAPHS * paragraph_sizes[len(paragraph_sizes) // 2]
    scores = []
    for unit, n in zip(units, prose):
        if is_end_marker(unit, n > 0):
            scores.append(barrier)
        elif is_chrome(unit, n > 0):
            scores.append(-SHORT_PENALTY)
        else:
            scores.append(n if n else -(SHORT_PENALTY + len(WORD.findall(unit))))
    start, end = best_span(scores)
    while end < len(units) and prefix_pattern("story_trailers").match(normalize(units[end])):
        end += 1  # "Additional reporting by ...": the story's own last line
    while start > 0 and prefix_pattern("story_openers").match(normalize(units[start - 1])):
        start -= 1  # "This post originally appeared on Grist.": the story's own first line
    header = units[:start]
    found = find_title(header, units[start:end], stop, lang, _short_lines_after_lead(units[start:end], prose[start:end]))
    title_at, title = found if found is not None else (None, None)
    category = find_section(header[:title_at] if title_at is not None else header)
    byline = _byline_after_lead(units[start:end], prose[start:end], lang)
    if byline:  # "Jeanne Corriveau", "19 février 2020", "Montréal" under the standfirst
        header = header + units[start + 1:start + 1 + byline]
        units = units[:start + 1] + units[start + 1 + byline:]
        prose = prose[:start + 1] + prose[start + 1 + byline:]
        end -= byline
    story = drop_inner_boxes(units[start:end], prose[start:end])
    return CleanedText(title=title, category=category,
                       paragraphs=dedupe(drop_teaser(story), title), header=header)


BYLINE_LINES = 6  # author, date, place, "Auteur", "Date"…: the short lines under a standfirst
BYLINE_WORDS = 8


def _short_lines_after_lead(story: list[str], prose: list[int]) -> int:
    """How many short lines (six at most) stand under the story's first block, before more prose."""
    count = 0
    while 1 + count < len(story) and not prose[1 + count] and count < BYLINE_LINES \
            and len(WORD.findall(story[1 + count])) <= BYLINE_WORDS:
        count += 1
    return count


def _byline_after_lead(story: list[str], prose: list[int], lang: str) -> int:
    """How many short lines (a byline, a date, a place) stand between the story's first block
    and its second prose block, when one of them is a date: they belong to the header, where
    dates and bylines are read."""
    count = _short_lines_after_lead(story, prose)
    lines = story[1:1 + count]
    dated = date_in_text(lines, lang) is not None
    return count if dated and prose and prose[0] and 1 + count < len(story) and prose[1 + count] else 0


def drop_inner_boxes(units: list[str], prose: list[int]) -> list[str]:
    """Chrome inside the story goes, and so does a box the story crossed ("Related coverage"
    and its links): the marker and the non-prose lines after it."""
    kept, in_box = [], False
    for unit, n in zip(units, prose):
        if is_end_marker(unit, n > 0):
            in_box = True
            continue
        in_box = in_box and not n
        if not in_box and not is_chrome(unit, n > 0):
            kept.append(unit)
    return kept


def find_title(header: list[str], story: list[str], stop: frozenset[str], lang: str = "en",
               byline: int = 0) -> tuple[int, str] | None:
    """(where, headline) of the headline-like block above the story that best reads as its
    headline: the share of its words the story's opening uses (a block of one or two words can
    share little); said twice above the story (also when one of its statements carries the
    site's name: "Headline - Site" as the page's <title>, "Headline" as its <h1>), unless it is
    a menu item said twice (a neighbour repeated with it); followed by a byline or a date, as
    headlines are; not a sentence of prose (a standfirst, a caption); the name is cut from the
    headline; the closest wins a tie. The story's first block is the headline, whatever else stands
    above, when it reads as one, a byline or a date stands right under it (the span took both in) and no
    headline stands right above it (then it is that one's standfirst). The
    `byline` short lines under the story's first block (a standfirst) date a headline above it too."""
    above = [unit for unit in header if any(ch.isalpha() for ch in unit)][-1:]
    if len(story) >= 3 and _reads_as_headline(story[0]) and _byline_or_date(story[1], lang) \
            and not (above and _reads_as_headline(above[0]) and not _byline_or_date(above[0], lang)):
        return len(header), story[0]
    lead_words = _content_words(" ".join([_without_dateline(unit) for unit in story[:1]] + story[1:3]), stop)
    header, origin = _join_dangling(header, stop)
    # a section's name ("U.S. news", the taxonomy's World) is the label above the headline, not the headline
    candidates = [(i, unit) for i, unit in enumerate(header) if _headline_like(unit) and not taxonomy_section(unit, lang)]
    names = glued_names([unit for _i, unit in candidates])
    stems = {i: _strip_date(strip_site_name(unit, names) or unit, lang) for i, unit in candidates}
    keys = [_key(unit) for unit in header]
    places: dict[str, list[int]] = {}
    for i, stem in stems.items():
        if not _crumb(header, i):  # a menu item the breadcrumb says again is no headline said twice
            places.setdefault(_key(stem), []).append(i)
    # the standfirst and the byline under it that the story's span took in date a headline above them
    lines = header + story[:1 + byline] if byline else header
    marks = [_byline_or_date(unit, lang) for unit in lines]
    bylined = {j for i, unit in enumerate(header) if normalize(unit) in words("byline_prefixes")
               for j in _next_blocks(header, i, DATED_WITHIN)}  # "By" / "Tim Childers" / "-" / "Live Science Contributor"
    authors = {keys[j] for j in bylined}  # the author's name said again ("Biography" / "Sarah E. Needleman" / a date)
    best, best_score = None, 0.0
    owns = {i: _content_words(stems[i], stop) for i, _unit in candidates}
    for i, _unit in candidates:
        own = owns[i]
        if not own or i in bylined or keys[i] in authors or _kicker(i, owns, stems) or _crumb(header, i) \
                or _menu_run(header, i, marks) \
                or i + 1 < len(header) and SENTENCE_GOES_ON.match(header[i + 1]):
            continue  # "2001: A Space Odyssey" + ", hibernation or …": a title a caption cites, cut at its tag
        share = len(own & lead_words) / max(len(own), SHORT_TITLE_WORDS)  # one shared word is no headline
        sentence = _sentence(stems[i])
        # said twice: not a caption (a sentence, its alt text and its figcaption), nor a logo or a
        # menu item of two words ("L'action citoyenne") that shares little with the story
        repeated = not sentence and (len(own) >= SHORT_TITLE_WORDS or share >= REPEATED_SHARE) \
            and _repeated(places[_key(stems[i])], keys, share)
        dated = not marks[i] and any(marks[i + 1:_within(lines, i, DATED_WITHIN)])
        score = share + repeated * REPEATED_BONUS + dated * DATED_BONUS - sentence * SENTENCE_PENALTY \
            - DISTANCE_COST * (len(header) - i)
        if score > best_score and (share or repeated or dated):
            best, best_score = (origin[i], stems[i]), score
    return best or _said_twice(candidates, stems, places, keys, stop, origin) or _opening_line(header, story)


def _crumb(header: list[str], i: int) -> bool:
    """A step of a breadcrumb trail a tag split ("BLOG" / ">" / "Weight Loss" / ">" / "Weight Loss
    Tips"): a block right after a separator block. ("|" is not one: it sets a section beside the
    headline, "Opinion" / "|" / headline.)"""
    return i >= 2 and CRUMB_SEPARATOR.fullmatch(header[i - 1].strip()) is not None


CRUMB_SEPARATOR = re.compile(r"[>›»]")


def _menu_run(header: list[str], i: int, marks: list[bool]) -> bool:
    """A menu item: a block of three words at most between two such blocks ("Weight Loss Diets" /
    "Weight Loss Tips" / "Wellness"), where a headline stands out, longer than the menu around
    it, or has its byline or date under it ("White House" / "The Impeachment Clock" / "By")."""
    size = len(WORD.findall(header[i]))
    if size > MENU_WORDS:
        return False
    before = [j for j in range(i - 1, -1, -1) if any(ch.isalpha() for ch in header[j])][:MENU_SIDE]
    after = _next_blocks(header, i, MENU_SIDE)
    return len(before) == len(after) == MENU_SIDE and all(len(WORD.findall(header[j])) <= MENU_WORDS for j in before + after) \
        and not any(marks[i + 1:_within(header, i, MENU_SIDE)])  # a date without a letter counts ("14/01/2020")


MENU_WORDS = 3  # words of a menu item, at most
MENU_SIDE = 1  # short blocks on each side (chosen on the dev set: 1 gains 2 pages, 2 one, 3 none)


def _opening_line(header: list[str], story: list[str]) -> tuple[int, str] | None:
    """When nothing above the story reads as its headline: the story's first block, when it reads
    as one (headline-like, not a sentence, prose after it): a headline the story's span took in."""
    if len(story) >= 2 and _reads_as_headline(story[0]):
        return len(header), story[0]
    return None


def _reads_as_headline(unit: str) -> bool:
    return _headline_like(unit) and not _sentence(unit)


def _without_dateline(lead: str) -> str:
    """The lead without the place in capitals its dateline opens with ("SIOUX FALLS, S.D. – People
    across the nation …"): where the story was filed is no word of its headline's. ("HONOLULU,
    Hawaii (HawaiiNewsNow) -" keeps "Hawaii".)"""
    dateline, rest = split_dateline(lead)
    if not dateline:
        return lead
    return " ".join([word for word in WORD.findall(dateline) if not word.isupper()] + [rest])


def _kicker(i: int, owns: dict[int, set[str]], stems: dict[int, str]) -> bool:
    """A topic or a series name right above the headline that says it again ("Dancing With the
    Stars" / "Published" / "22 hours ago" / "James Van Der Beek eliminated from 'Dancing with the
    Stars' after …"): a block whose words a longer headline-like block close under it all uses."""
    return any(i < j <= i + REPEATED_NEAR and owns[i] < owns[j] and not _sentence(stems[j]) for j in owns)


def _said_twice(candidates: list[tuple[int, str]], stems: dict[int, str], places: dict[str, list[int]],
                keys: list[str], stop: frozenset[str], origin: list[int]) -> tuple[int, str] | None:
    """When no block shares a word with the story nor is dated: the block of three content words
    or more, not a sentence, said twice above the story however far apart (the <title>-like line
    at the top of the page and the <h1>), not as part of a menu said twice; the closest wins."""
    for i, _unit in reversed(candidates):
        stem = stems[i]
        if _sentence(stem) or len(_content_words(stem, stop)) < SHORT_TITLE_WORDS:
            continue
        twice = places.get(_key(stem), [])
        if len(twice) >= 2 and _repeated(twice, keys, 1.0):
            return origin[i], stem
    return None


def _sentence(stem: str) -> bool:
    """A block that ends with a full stop: a standfirst or a caption more often than a headline."""
    stem = TRAILING_ASIDE.sub("", stem)  # "… its four RS-25 engines. (credit: NASA/Jude Guidry)"
    return bool(SENTENCE_END.search(stem)) and not stem.rstrip().endswith(("?", "!", "»", "”", '"')) \
        or bool(INNER_SENTENCE_END.search(stem))  # "… only fuelled the crisis. It is up to them to …"


INNER_SENTENCE_END = re.compile(r"\b[a-zà-ÿ]{3,}\.\s+[A-ZÀ-Ý]")  # two sentences: a standfirst ("U.S. Attorney" is one)


TRAILING_ASIDE = re.compile(r"(?<=[.!?…])\s*\([^()]*\)\s*$")


REPEATED_BONUS = 0.6
DISTANCE_COST = 0.001  # per block between a headline and the story
REPEATED_NEAR = 4  # blocks apart at most, a headline said twice in a row (<h1>, then a caption's)
DATED_BONUS = 0.6
DATED_WITHIN = 4  # a byline or a date this many blocks under a headline at most
SENTENCE_PENALTY = 0.5  # a block that ends with a full stop is a standfirst or a caption more often than a headline


def _strip_date(headline: str, lang: str) -> str:
    """A headline without the date its block carries after it ("… after all 19 November 2019")."""
    match = date_pattern(lang).search(headline)
    if match and match.end() == len(headline.rstrip()) and match.start() > 0:
        return headline[:match.start()].rstrip(" ,-–—|")
    return headline


def _next_blocks(units: list[str], i: int, count: int) -> list[int]:
    """Where the `count` blocks after block i are, not counting blocks without a letter ("-", ",") nor a
    handle alone ("@TomGillespie1", cut out of its byline)."""
    found: list[int] = []
    for j in range(i + 1, len(units)):
        if len(found) == count:
            break
        if any(ch.isalpha() for ch in units[j]) and not HANDLE.fullmatch(units[j].strip()):
            found.append(j)
    return found


HANDLE = re.compile(r"@\w+")  # "@TomGillespie1": the author's handle, a tag split cut it out of the byline


def _within(units: list[str], i: int, count: int) -> int:
    """Where the `count` blocks after block i end, blocks without a letter between them included
    ("November 20" / "15:23" / "2019": a time without a letter dates the block above as well)."""
    after = _next_blocks(units, i, count)
    return after[-1] + 1 if len(after) == count else len(units)


def _key(unit: str) -> str:
    return " ".join(WORD.findall(normalize(unit)))


def _repeated(places: list[int], keys: list[str], share: float) -> bool:
    """A block said twice above the story, not as part of a menu said twice (the block before
    or after it is the same at both places), and either close to itself (the headline and the
    <h1>) or sharing much with the story (a menu item said twice shares little)."""
    if len(places) < 2 or not share:
        return False
    first, last = places[0], places[-1]
    if share < REPEATED_SHARE and last - first > REPEATED_NEAR:
        return False
    before = first > 0 and keys[first - 1] == keys[last - 1]
    after = last + 1 < len(keys) and keys[first + 1] == keys[last + 1]
    return not (before or after)


TIMED_WORDS = 4  # "Monday 6:30PM", "07h45": a time alone, the page's own
CLOCK = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:h][0-5]\d(?!\d)")


def _byline_or_date(unit: str, lang: str) -> bool:
    """A short line that names the author or dates the page."""
    if len(WORD.findall(unit)) > BYLINE_WORDS * 2:
        return False
    key = normalize(unit)
    return bool(prefix_pattern("byline_prefixes").match(key) or prefix_pattern("date_prefixes").match(key)
                or date_pattern(lang).search(unit)
                or len(WORD.findall(unit)) <= TIMED_WORDS and CLOCK.search(unit))


def _join_dangling(header: list[str], stop: frozenset[str]) -> tuple[list[str], list[int]]:
    """A headline a tag split ("… à la présidence du" + "HCERES"): a block that ends with a
    function word goes on with the short block after it, unless that block opens a byline ("by").
    (The blocks, and where each starts.)"""
    joined: list[str] = []
    origin: list[int] = []
    for i, unit in enumerate(header):
        if joined and _dangles(joined[-1], stop) and len(WORD.findall(unit)) <= SHORT_TITLE_WORDS \
                and normalize(unit) not in words("byline_prefixes"):  # "… comes out" + "by" + "Madeline Fry"
            joined[-1] = _glue(joined[-1], unit)
        else:
            joined.append(unit)
            origin.append(i)
    return joined, origin


DANGLING_LETTERS = 3  # "du", "de la", "of the": a headline does not end with such a word


def _dangles(unit: str, stop: frozenset[str]) -> bool:
    tokens = WORD.findall(unit)
    return (len(tokens) >= TITLE_WORDS[0] and tokens[-1].islower() and len(tokens[-1]) <= DANGLING_LETTERS
            and tokens[-1] in stop and unit[-1].isalpha())


def glued_names(units: list[str]) -> list[str]:
    """What one block adds to another with a separator ("Headline - Site" beside "Headline"):
    the site's name, as a dump states it."""
    keys = {normalize(unit) for unit in units}
    names = []
    for unit in units:
        parts = SEPARATOR.split(unit)
        for cut in range(1, len(parts)):
            head, tail = " - ".join(parts[:cut]), " - ".join(parts[cut:])
            for name, rest in ((tail, head), (head, tail)):  # the shorter side, a few words, is the name
                if normalize(rest) in keys and len(WORD.findall(name)) <= min(NAME_WORDS, len(WORD.findall(rest)) - 1):
                    names.append(name)
    return names


def _content_words(text: str, stop: frozenset[str]) -> set[str]:
    return {w for w in (t.lower() for t in WORD.findall(text)) if len(w) > 2 and w not in stop}


BUTTON_WORDS = 4


def _headline_like(unit: str) -> bool:
    n = len(WORD.findall(unit))
    key = normalize(unit)
    return (TITLE_WORDS[0] <= n <= TITLE_WORDS[1]
            and not is_chrome(unit, False)
            and not (n <= BUTTON_WORDS and prefix_pattern("button_verbs").match(key))  # "Get short URL"
            and not prefix_pattern("byline_prefixes").match(key)
            and not prefix_pattern("date_prefixes").match(key)
            and not unit.rstrip().endswith(":")
            and not ADDRESS.search(unit)
            and not FRAGMENT_START.match(unit)
            and sum(ch.isdigit() for ch in unit) < len(unit) / 4)


def find_section(header: list[str]) -> str | None:
    """'Dernières Infos - Sécurité' gives 'Sécurité' (the closest such label above the title)."""
    names = "|".join(re.escape(p) for p in sorted(words("section_prefixes"), key=len, reverse=True))
    if not names:
        return None
    pattern = re.compile(rf"^(?:{names})\s*(?:{SECTION_SEPARATORS}\s*)?(.+)$")
    for unit in reversed(header):
        key = normalize(unit)
        match = pattern.match(key)
        if not match or not 1 <= len(WORD.findall(match.group(1))) <= 4:
            continue
        count = len(match.group(1).split())  # the label, in the unit's own case
        return " ".join(unit.split()[-count:]).strip(" -–—>|/:»›") or None
    return None


def drop_teaser(paragraphs: list[str]) -> list[str]:
    """Drop a last block that repeats the lead and ends in '...' or '…' (a truncated copy)."""
    if len(paragraphs) < 2 or not ELLIPSIS.search(paragraphs[-1]):
        return paragraphs
    teaser = _squeeze(ELLIPSIS.sub("", paragraphs[-1]))
    story = _squeeze("".join(paragraphs[:-1]))
    return paragraphs[:-1] if teaser and story.startswith(teaser) else paragraphs


def dedupe(paragraphs: list[str], title: str | None) -> list[str]:
    """Every paragraph once, in order; the title is not a paragraph."""
    seen = {normalize(title)} if title else set()
    kept = []
    for p in paragraphs:
        key = normalize(p)
        if key and key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)
