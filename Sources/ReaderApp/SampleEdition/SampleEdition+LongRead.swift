import Foundation
import NewsModel

extension SampleEdition {
    /// The Terminal Times long read (more than 3,000 words, well over five screens): an explainer on text in
    /// the terminal, with headings, lists, a blockquote, code blocks, a table and links.
    static var longReadStory: SampleStory {
        let id = "sample:terminal-times/2026/02/03/field-guide-to-terminal-text"
        let published = utc(2026, 2, 3, 8, 0)
        let entry = FeedEntry(
            id: id,
            title: "A field guide to text in the terminal: bytes, characters, graphemes and columns",
            link: "https://terminal-times.example/2026/02/03/field-guide-to-terminal-text",
            published: published,
            author: "Ines Okafor",
            summary: "<p>Why a headline that looks fine in a browser can wreck a terminal layout, and what a careful program does about it, one layer at a time.</p>",
            content: longReadBody,
            categories: ["unicode", "terminals", "long read"],
            commentsURL: "https://terminal-times.example/item/52110")
        let comments = SampleThread.build(entryID: id, published: published, [
            SampleComment(0, "tomasz", 31, after: 95, """
                The table of widths should be printed and taped to every monitor. I lost a week to the flag \
                emoji once.
                """),
            SampleComment(1, "Ines Okafor", 12, after: 130, "Only a week? You got off lightly."),
            SampleComment(0, "wren", 18, after: 210, """
                One thing I would add to the checklist: test with a font that lacks half the glyphs. Tofu boxes \
                are one column wide in some terminals and two in others, and that is its own little adventure.
                """),
            SampleComment(0, "kasimir", 7, after: 1_500, """
                Great read. The bit about sanitising after the last decoding step is the one I see people get \
                wrong most often: they clean the raw feed, then decode the entities, and the escape character \
                walks right in.
                """),
        ])
        return SampleStory(entry: entry, comments: comments)
    }

    /// The article body. Paragraphs are single logical lines (continued with `\`) so a renderer that keeps
    /// newlines still wraps them at the pane width.
    private static let longReadBody = """
        <p>Every program that draws text in a terminal eventually meets the same bug. A headline arrives from a \
        feed, it looks perfectly fine in a browser, and in the terminal it pushes the right border of a pane one \
        column too far, or leaves a ghost character behind when the list scrolls, or, in the worst case, turns \
        the whole screen green. The bug is never in one place. It lives in the gaps between four different ideas \
        of what a piece of text is: bytes, code points, characters and columns. This guide walks through those \
        layers in the order a careful program meets them, and says at each step what can go wrong and what to \
        do instead.</p>
        <p>Nothing here is new. All of it is written down somewhere, usually in a standard that is long, \
        precise and a little unkind to the casual reader. The aim is to put the pieces side by side, with the \
        examples that actually turn up in news feeds, so that the next time a layout breaks you know which layer \
        to look at first.</p>
        <h2>1. Bytes are not text</h2>
        <p>A feed arrives as bytes. Before anything else, those bytes have to be decoded into characters, and \
        to do that the program must know the encoding. Most of the time it is UTF-8, and most of the time the \
        document says so. But a surprising number of feeds still arrive in windows-1252, the old Western \
        European code page, either because the server says so in its headers, or because the XML declaration \
        says so, or because nobody says anything at all and the text merely happens to contain a byte that is \
        not valid UTF-8.</p>
        <p>There is an order of precedence, and it is worth following it exactly rather than guessing:</p>
        <ol>
        <li>A byte order mark at the very start of the document wins over everything else.</li>
        <li>Otherwise the charset in the HTTP <code>Content-Type</code> header, if the server sent one.</li>
        <li>Otherwise the encoding named in the XML declaration, or in a <code>meta</code> element for HTML.</li>
        <li>Otherwise UTF-8, and if the bytes are not valid UTF-8, windows-1252 as a last resort.</li>
        </ol>
        <p>That last fallback matters more than it seems. A decoder that gives up on the first invalid byte \
        throws away a whole feed because of one badly pasted quotation mark. A decoder that silently replaces \
        every invalid byte with a replacement character produces the familiar diamonds with question marks, \
        which are ugly but at least honest. A decoder that guesses wrongly produces mojibake: the word \
        <em>café</em> turns into <em>cafÃ©</em>, which is worse than either, because it looks like text and \
        spreads into every copy of the data.</p>
        <p>The practical advice is short. Decode once, as early as possible, using the rules above. Keep the \
        name of the encoding you used next to the decoded text, so that when a user reports garbled headlines \
        you can see at a glance whether the feed lied about its encoding or you did. And never decode twice: \
        text that has already been turned into characters does not need, and cannot survive, a second pass \
        through a decoder.</p>
        <h2>2. Code points, scalars and characters</h2>
        <p>Once the bytes are decoded we have a sequence of Unicode code points. Strictly speaking, of Unicode \
        scalar values, which are code points minus the surrogate range that only exists to make UTF-16 work. \
        It is tempting to think of each scalar as one character. For plain English text that happens to be \
        true, which is exactly why the mistake survives for so long.</p>
        <p>What a reader perceives as one character is what the Unicode standard calls an extended grapheme \
        cluster. A cluster can contain one scalar or many. The letter <em>é</em> can be written as a single \
        precomposed scalar, or as a plain <em>e</em> followed by a combining acute accent; both are one \
        character to the reader, and both must be treated as one character by any code that moves a cursor, \
        truncates a title or counts what fits on a line. Cut between the two scalars and you get a bare \
        <em>e</em> on one line and a floating accent at the start of the next.</p>
        <p>Emoji make this much more visible. A family emoji is several people joined by zero width joiner \
        characters. A waving hand with a skin tone is the hand followed by a modifier. A national flag is two \
        regional indicator letters that only mean something as a pair. A heart can be followed by variation \
        selector 16 to ask for the colourful form instead of the text form. In each case the reader sees one \
        picture, and the program sees anywhere from two to seven scalars.</p>
        <table>
        <thead><tr><th>Looks like</th><th>Scalars</th><th>UTF-8 bytes</th><th>What it is</th></tr></thead>
        <tbody>
        <tr><td>é</td><td>1 or 2</td><td>2 or 3</td><td>precomposed, or e plus a combining accent</td></tr>
        <tr><td>漢</td><td>1</td><td>3</td><td>a Han ideograph, drawn two columns wide</td></tr>
        <tr><td>👋🏽</td><td>2</td><td>8</td><td>waving hand with a skin tone modifier</td></tr>
        <tr><td>🇩🇰</td><td>2</td><td>8</td><td>two regional indicators making a flag</td></tr>
        <tr><td>👩‍💻</td><td>3</td><td>11</td><td>woman, zero width joiner, laptop</td></tr>
        <tr><td>❤️</td><td>2</td><td>6</td><td>heart with variation selector 16</td></tr>
        </tbody>
        </table>
        <p>The rule that follows is simple to state and surprisingly hard to follow everywhere: whenever code \
        moves through text for the purposes of display, it moves one grapheme cluster at a time. Truncating a \
        title to fit a column, wrapping a paragraph, placing a cursor in a search field, deleting the character \
        before the cursor: all of them work on clusters. Languages differ in how much help they give. Swift's \
        <code>Character</code> type is a grapheme cluster, so iterating a string gives clusters by default. In \
        many other languages the default iteration gives bytes or code units, and clusters need a library.</p>
        <h2>3. Columns: how wide is a character?</h2>
        <p>A terminal is a grid. Each cell holds one narrow character, and a wide character takes two cells \
        side by side. Whether a character is narrow or wide is decided by the terminal, not by the program, and \
        the program has to predict that decision correctly or the grid falls apart. If the program thinks a \
        character takes one column and the terminal draws it across two, everything after it on the line moves \
        one column to the right, the right border of the pane is pushed out, and the next redraw leaves debris.</p>
        <p>For most scripts the prediction is easy. Latin, Greek, Cyrillic, Arabic and Hebrew letters are one \
        column. Combining marks and other zero width characters take no column of their own. Han ideographs, \
        kana, hangul syllables and the full-width forms of Latin letters are two columns; Unicode records this \
        as the East Asian Width property, and almost every terminal follows it.</p>
        <p>Emoji are where the agreement ends. Older width tables, including the one in many C libraries, \
        measure a cluster by adding up the widths of its scalars. A skin tone modifier is itself a wide \
        character, so a hand with a skin tone comes out as four columns. A family of four joined by three zero \
        width joiners comes out as eight. Modern terminals, on the other hand, draw the whole cluster as a \
        single two-column picture. A terminal multiplexer in the middle may do something else again, and may \
        even split a joined sequence back into its parts.</p>
        <blockquote><p>There is no width that is right on every terminal for every emoji sequence. There is \
        only a width that you choose, and a way of drawing that makes your choice come true.</p></blockquote>
        <p>Programs take one of three positions. Some trust the C library and accept broken layouts on modern \
        terminals. Some trust the modern terminals and accept broken layouts in multiplexers. And some, like \
        the reader you are probably using to read this, reduce the difficult clusters before drawing them: a \
        joined sequence is drawn as its first emoji, skin tone modifiers and variation selectors are dropped, \
        and what remains is a single picture that every terminal agrees is two columns wide. The reader loses a \
        little detail, a woman at a laptop becomes just a woman, but the grid stays intact everywhere.</p>
        <p>Whatever position you take, measure width in exactly one place in the program, per grapheme \
        cluster, and use that one measurement everywhere: in wrapping, in truncation, in the cell grid and in \
        the tests. The worst bugs come from two pieces of code that measure the same string differently.</p>
        <h2>4. Wrapping a paragraph</h2>
        <p>With a reliable width function, wrapping a paragraph is a small, well understood algorithm. The \
        greedy version, which fills each line with as many words as fit and then starts a new one, is what \
        almost every terminal program uses, and it is good enough that readers never notice it. The details \
        are where programs differ:</p>
        <ul>
        <li>Break opportunities are not only spaces. Text in Chinese and Japanese has no spaces between words, \
        and may break between almost any two characters, with a few exceptions such as never starting a line \
        with a closing bracket or a full stop.</li>
        <li>A single word wider than the line, such as a long URL, has to be broken somewhere. Breaking it at \
        the last cluster that fits is better than letting it run off the edge.</li>
        <li>A wide character never straddles the edge of the line. If only one column is left and the next \
        character needs two, the column is left empty and the character starts the next line.</li>
        <li>White space at the end of a line is dropped; white space inside a code block is kept exactly.</li>
        </ul>
        <p>In outline, the greedy algorithm looks like this:</p>
        <pre><code>func wrap(_ words: [Word], width: Int) -&gt; [Line] {
            var lines: [Line] = []
            var current = Line()
            for word in words {
                let needed = current.isEmpty ? word.width : current.width + 1 + word.width
                if needed &lt;= width {
                    current.append(word)
                } else if word.width &lt;= width {
                    lines.append(current)
                    current = Line(word)
                } else {
                    // A word longer than the line: split it by clusters.
                    for piece in word.split(toFit: width, first: width - current.width - 1) {
                        lines.append(current)
                        current = Line(piece)
                    }
                }
            }
            if !current.isEmpty { lines.append(current) }
            return lines
        }</code></pre>
        <p>Every width in that sketch is a display width measured per cluster, never a count of characters or \
        bytes. Swap one <code>width</code> for a <code>count</code> and the function still passes every test \
        written in English, and then fails the first time someone subscribes to a feed in Japanese.</p>
        <p>A good wrapper also remembers where each line came from. When the pane is resized, the article has \
        to be wrapped again at the new width, and the reader expects to stay at the same place in the text, not \
        at the same line number. Keeping the offset of the first visible word, rather than the index of the \
        first visible line, makes that easy.</p>
        <h3>Truncating a headline</h3>
        <p>Lists have the opposite problem to articles: instead of wrapping, they cut. A headline list shows \
        one row per story, and a title that does not fit is shortened and given an ellipsis. Three things go \
        wrong here more often than anywhere else. The cut lands in the middle of a cluster, leaving half an \
        emoji or an accent without its letter. The cut is made by counting characters, so a Japanese title is \
        shortened to twice the width of the column. Or the ellipsis itself is forgotten in the arithmetic, and \
        the row ends up exactly one column too long, which is the most frustrating version because it only \
        shows on some titles.</p>
        <p>The careful version reserves the width of the ellipsis first, then adds whole clusters while they \
        fit, and if a wide character would overrun the last column by one, it stops and pads with a space \
        instead. The result is a column whose right edge is perfectly straight whatever the titles contain, \
        which is the only thing a reader notices, and only when it is missing.</p>
        <p>Other columns in the same row deserve the same care. Relative dates such as <em>3 hours ago</em> \
        or <em>yesterday</em> change length as time passes and from one language to another; give them a \
        fixed width and align them. Comment counts can run into the thousands; decide how many digits to \
        allow and what to show beyond that. A source name that is itself written in Chinese or Arabic is \
        just another string to be measured and cut with the same function as everything else.</p>
        <h2>5. What must never reach the terminal</h2>
        <p>A terminal does not only display characters; it also obeys them. The escape character, code 27, \
        starts a control sequence that can move the cursor, change colours, clear the screen, set the window \
        title, and on some terminals write to the clipboard or create clickable links. A feed is untrusted \
        input. If a headline can contain an escape character and the program writes that headline to the \
        terminal unchanged, then anyone who can publish a feed can redraw the reader's screen.</p>
        <p>The defence is a filter, applied to every string that came from outside before it is measured or \
        drawn. It is short enough to list completely:</p>
        <ul>
        <li>Drop the C0 control characters, codes 0 to 31, except newline and tab.</li>
        <li>Drop delete, code 127, and the C1 control characters, codes 128 to 159. Some terminals treat code \
        155 as the start of a control sequence, exactly like escape followed by a bracket.</li>
        <li>Drop the bidirectional formatting controls: the embeddings, overrides and isolates, and the \
        invisible left-to-right and right-to-left marks. They can make a file name or a link read differently \
        from what it is.</li>
        <li>Turn carriage returns into newlines, so that a line cannot return to its own start and overwrite \
        what was just drawn.</li>
        </ul>
        <p>The filter must run after the last decoding step, and this is the part that is easy to get wrong. \
        In HTML, the entity <code>&amp;#27;</code> is six harmless printable characters until it is decoded, \
        at which point it becomes an escape character. A program that cleans the raw feed and then decodes the \
        entities has cleaned the wrong thing. The same applies to JSON escapes, to percent-encoded URLs that \
        are decoded for display, and to anything else that turns harmless text into other text.</p>
        <p>Titles, author names, feed names and URLs deserve the same filter as article bodies. They are \
        shorter, so people forget about them, and they are shown on every screen, so they are exactly where an \
        attacker would put something.</p>
        <h2>6. Right-to-left text</h2>
        <p>Arabic, Hebrew and a handful of other scripts are written from right to left. A terminal that \
        supports them lays each run of such text out in its visual order, and a terminal that does not shows \
        the letters in memory order, which reads backwards. Mixed lines, where an Arabic headline contains a \
        number or a Latin brand name, are harder still: the Unicode bidirectional algorithm decides the order \
        of the runs, and terminals implement it to very different degrees.</p>
        <p>For a terminal program the safest position is modest. Keep the text in logical order, let the \
        terminal do whatever it does with it, make sure widths are measured correctly (Arabic letters are one \
        column each, and the joining forms do not change that), and never let explicit direction controls \
        from a feed through, for the reasons in the previous section. Right-aligning paragraphs that are \
        entirely right-to-left is a nice touch that some readers appreciate, but it is a refinement, not a \
        requirement.</p>
        <h2>7. Testing all of this</h2>
        <p>None of these layers can be tested by looking at English text. A useful test corpus has, at a \
        minimum, one string from each of these groups:</p>
        <ul>
        <li>Scripts and widths
          <ul>
          <li>Chinese and Japanese, with and without punctuation, for two-column characters and breaks \
        without spaces.</li>
          <li>Arabic or Hebrew, for right-to-left runs and joining letters.</li>
          <li>Accented Latin in both precomposed and decomposed form, for combining marks.</li>
          </ul>
        </li>
        <li>Emoji
          <ul>
          <li>A plain emoji, a skin tone, a flag, a joined sequence and a heart with variation selector 16.</li>
          <li>An emoji as the last character on a line that has exactly one column left.</li>
          </ul>
        </li>
        <li>Hostile input
          <ul>
          <li>An escape sequence that clears the screen, written raw and as an HTML entity.</li>
          <li>A C1 control character, a lone carriage return and a right-to-left override.</li>
          </ul>
        </li>
        </ul>
        <p>Tests of this kind are cheapest when the program draws into an in-memory grid of cells rather than \
        straight into the terminal. Render a screen, compare its rows with the expected rows, and the same test \
        runs in a fraction of a millisecond on any machine, with or without a terminal attached. A handful of \
        end-to-end tests inside a real terminal multiplexer then confirm that what the grid predicts is what \
        actually appears.</p>
        <h2>8. A checklist</h2>
        <p>If you take nothing else from this guide, take this list and check your program against it:</p>
        <ol>
        <li>Bytes are decoded once, early, by a documented order of precedence, with a fallback for invalid \
        input.</li>
        <li>Every string from outside passes through one sanitising filter after its last decoding step.</li>
        <li>Display code moves through text by grapheme cluster, never by byte or scalar.</li>
        <li>There is exactly one width function, it works per cluster, and everything uses it.</li>
        <li>Difficult emoji are either reduced before drawing or tested on the terminals you support.</li>
        <li>Wrapping handles text without spaces, words longer than a line and wide characters at the edge.</li>
        <li>Resizing re-wraps from a position in the text, not from a line number.</li>
        <li>The test corpus contains every group listed in the previous section.</li>
        </ol>
        <h2>Further reading</h2>
        <p>The definitive sources are the Unicode standard's annexes on <a \
        href="https://www.unicode.org/reports/tr29/">text segmentation</a>, on <a \
        href="https://www.unicode.org/reports/tr11/">East Asian width</a> and on the <a \
        href="https://www.unicode.org/reports/tr9/">bidirectional algorithm</a>. They are long, but each has a \
        readable introduction, and the tables at the end are what every width function is ultimately built \
        from. For the behaviour of real terminals there is no substitute for trying: keep a file of awkward \
        strings, open it in every terminal you can find, and write down what you see.</p>
        <p>The people who build terminal emulators have also written a good deal about their own choices, in \
        issue trackers and mailing lists more often than in documentation. Reading a few of those discussions \
        is the quickest way to understand why the widths disagree, and why they will probably go on \
        disagreeing for some years yet. Until they stop, the careful program measures once, draws what it \
        measured, and keeps the grid intact.</p>
        """
}
