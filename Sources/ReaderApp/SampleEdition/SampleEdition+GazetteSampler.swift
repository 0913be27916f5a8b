import Foundation
import NewsModel

extension SampleEdition {
    /// Gazette Sampler, the edition's own source: a welcome page that says how to add real feeds, and a
    /// test card with every HTML construct the article pane draws.
    static let gazetteSampler = SampleSource(
        url: "sample:gazette-sampler", title: "Gazette Sampler", tags: ["gazette"],
        link: "https://gazette-sampler.example/",
        subtitle: "About this sample edition and how to replace it with your own feeds",
        stories: [welcomeStory, testCardStory])

    /// The welcome page: what the sample edition is, the main keys, and how to subscribe to real feeds.
    static var welcomeStory: SampleStory {
        let id = "sample:gazette-sampler/welcome"
        let published = utc(2026, 11, 2, 9, 0)
        let entry = FeedEntry(
            id: id,
            title: "Welcome to Gazette: this is a sample edition, here is how to add your own feeds",
            link: "https://gazette-sampler.example/welcome",
            published: published,
            author: "The Gazette team",
            content: """
                <p>You are reading the <strong>sample edition</strong>, a handful of stories bundled with \
                Gazette so there is something to read before you subscribe to anything. It needs no network and \
                writes nothing outside a temporary directory. Apart from the MercoPress story, which is the page this project \
                started from, the stories were written for the sample.</p>
                <h2>Moving around</h2>
                <ul>
                <li><kbd>↑</kbd> <kbd>↓</kbd> or <kbd>k</kbd> <kbd>j</kbd>: previous and next headline, or line.</li>
                <li><kbd>Enter</kbd>: read the story full-screen; <kbd>Esc</kbd> or <kbd>q</kbd> goes back.</li>
                <li><kbd>c</kbd>: show or hide the comments; <kbd>Tab</kbd> moves between panes.</li>
                <li><kbd>?</kbd>: every key of the pane you are in.</li>
                </ul>
                <h2>Adding your own feeds</h2>
                <p>Subscriptions live in a plain text file, <code>urls</code>, in Gazette's configuration \
                directory (<code>$XDG_CONFIG_HOME/gazette/</code>, usually <code>~/.config/gazette/</code>). It \
                uses newsboat's format, so an existing newsboat <code>urls</code> file works as it is: one \
                feed per line, optional tags after it, an optional title after a tilde.</p>
                <pre><code>https://en.mercopress.com/rss/ news "~MercoPress"
                https://lobste.rs/rss tech
                hackernews:top tech
                # lines starting with # are comments</code></pre>
                <p>Once the file has a subscription, Gazette opens your feeds instead of this edition. You can \
                always come back here with <code>gazette --demo</code>.</p>
                """,
            categories: ["help"])
        let comments = SampleThread.build(entryID: id, published: published, [
            SampleComment(0, "first_reader", 3, after: 30, "Opened it, pressed c, found this comment. It works!"),
            SampleComment(1, "The Gazette team", 5, after: 45, "Now try Tab to move here, and j and k to scroll the comments."),
        ])
        return SampleStory(entry: entry, comments: comments)
    }

    /// The rendering test card: headings, nested lists, quotes, code, a table, a figure, a definition list,
    /// links and inline styles, each labelled with what it is.
    static var testCardStory: SampleStory {
        let id = "sample:gazette-sampler/test-card"
        let published = utc(2026, 1, 15, 12, 0)
        let entry = FeedEntry(
            id: id,
            title: "Test card: every construct the article pane knows how to draw",
            link: "https://gazette-sampler.example/test-card",
            published: published,
            author: "The Gazette team",
            content: """
                <h1>Heading level 1</h1>
                <p>A paragraph with <em>emphasis</em>, <strong>strong text</strong>, <code>inline code</code>, \
                <kbd>Ctrl</kbd>+<kbd>L</kbd>, a <a href="https://gazette-sampler.example/links">link</a>, \
                H<sub>2</sub>O, x<sup>2</sup>, <abbr title="HyperText Markup Language">HTML</abbr>, \
                <del>struck</del> and <ins>inserted</ins> text, and a line<br>break.</p>
                <h2>Heading level 2</h2>
                <h3>Heading level 3</h3>
                <h4>Heading level 4</h4>
                <h2>Lists</h2>
                <ul>
                <li>An unordered item</li>
                <li>An item with a nested ordered list
                  <ol>
                  <li>First nested step</li>
                  <li>Second nested step, long enough to wrap onto a second line when the pane is narrow, which \
                shows whether the continuation lines up under the text rather than under the number.</li>
                  <li>Third, with a list of its own
                    <ul>
                    <li>Three levels deep</li>
                    </ul>
                  </li>
                  </ol>
                </li>
                <li>A last item</li>
                </ul>
                <h2>Quotes</h2>
                <blockquote>
                <p>A quoted paragraph. Quotes are drawn with a bar in the margin.</p>
                <blockquote><p>A quote inside a quote.</p></blockquote>
                <p>— Someone quotable</p>
                </blockquote>
                <h2>Code</h2>
                <pre><code>// White space in a code block is kept exactly.
                struct Point {
                    var x: Int
                    var y: Int
                }
                if a &lt; b &amp;&amp; b &gt; c { print("ok") }</code></pre>
                <h2>A table</h2>
                <table>
                <caption>Sample sources in this edition</caption>
                <thead><tr><th>Source</th><th>Stories</th><th>Languages</th></tr></thead>
                <tbody>
                <tr><td>MercoPress</td><td>1</td><td>English</td></tr>
                <tr><td>The Terminal Times</td><td>5</td><td>English, emoji</td></tr>
                <tr><td>World Desk</td><td>6</td><td>中文, 日本語, العربية, עברית, español, dansk</td></tr>
                <tr><td>Gazette Sampler</td><td>2</td><td>English</td></tr>
                </tbody>
                </table>
                <h2>A figure</h2>
                <figure>
                <img src="https://gazette-sampler.example/images/test-card.png" alt="A colour test card with a circle and stripes">
                <figcaption>Figure 1. Images are shown by their description and caption.</figcaption>
                </figure>
                <h2>A definition list</h2>
                <dl>
                <dt>Grapheme cluster</dt>
                <dd>What a reader perceives as one character, made of one or more code points.</dd>
                <dt>Display width</dt>
                <dd>How many terminal columns a cluster takes: zero, one or two.</dd>
                </dl>
                <hr>
                <p>The end of the test card. Links are listed below the article as numbered references.</p>
                """,
            categories: ["help", "rendering"])
        let comments = SampleThread.build(entryID: id, published: published, [
            SampleComment(0, "typesetter", 6, after: 120, """
                Comments can hold code too:

                  let width = DisplayWidth.width(of: title)
                  print(width)

                and more than one paragraph.
                """),
            SampleComment(1, "lists_are_hard", 2, after: 180, "The nested list wraps correctly here at 80 columns. 👍"),
        ])
        return SampleStory(entry: entry, comments: comments)
    }
}
