import Foundation
import NewsModel

extension SampleEdition {
    /// The Terminal Times, an invented technology site with Hacker-News-style threads (points, deep replies).
    static let terminalTimes = SampleSource(
        url: "sample:terminal-times", title: "The Terminal Times", tags: ["tech", "discussion"],
        link: "https://terminal-times.example/",
        subtitle: "Software, terminals and the people who live in them",
        stories: [longReadStory, emojiStory, cupboardStory, oldestProgramStory, pagerReleaseStory])

    /// The emoji story: ZWJ sequences, skin tones, flags and a VS16 heart, in the title and the body.
    static var emojiStory: SampleStory {
        let id = "sample:terminal-times/2024/11/05/one-character-four-code-points"
        let published = utc(2024, 11, 5, 16, 40)
        let entry = FeedEntry(
            id: id,
            title: "Why 👩🏽‍💻 is one character, four code points and two columns 🤯",
            link: "https://terminal-times.example/2024/11/05/one-character-four-code-points",
            published: published,
            author: "pixelgrain",
            content: """
                <p>Type 👩🏽‍💻 into a chat and your friend sees a woman with medium skin tone at a laptop. Your \
                program sees four code points: 👩 woman, 🏽 a skin tone modifier, a zero width joiner, 💻 laptop, \
                and nothing else visible at all. A terminal sees a problem.</p>
                <p>Some more to try in your own terminal: the family 👨‍👩‍👧‍👦 (seven code points), the \
                astronaut 🧑🏾‍🚀, waving hands from 👋🏻 to 👋🏿, the rainbow flag 🏳️‍🌈, a red heart ❤️ and the \
                plain 🙂. Flags are pairs of regional indicators: 🇺🇾 🇧🇷 🇯🇵 🇩🇰 🇫🇷 🇦🇷 🇬🇧 🇺🇦.</p>
                <p>If every one of those lines up in a neat grid, your terminal and your program agree about \
                widths. If the right edge of this pane is ragged, one of them is guessing 🙃.</p>
                <ul>
                <li>🍣 🍜 🥟 food is usually easy: one code point, two columns.</li>
                <li>🧑‍🤝‍🧑 people holding hands: two people and a handshake, joined into one picture.</li>
                <li>🏴‍☠️ the pirate flag: a black flag, a joiner, a skull and crossbones, and a variation selector.</li>
                </ul>
                """,
            categories: ["unicode", "emoji"],
            commentsURL: "https://terminal-times.example/item/47301")
        let comments = SampleThread.build(entryID: id, published: published, [
            SampleComment(0, "lunatic_fringe", 44, after: 12, "My terminal draws the family as four separate people standing in a row 👨👩👧👦. Honestly it's more accurate."),
            SampleComment(1, "pixelgrain", 20, after: 25, "Ha! That is tmux splitting the joined sequence. Try it outside tmux and they should become one 🙂"),
            SampleComment(0, "mariko", 15, after: 60, "The flags are my favourite trap. 🇯🇵 is two letters, J and P, that only become a flag together. Cut between them in a truncated title and you get two lonely boxes."),
            SampleComment(0, "ade_o", 9, after: 140, "Thanks for including the darker skin tones 👋🏿 in the examples, a lot of test suites only use the default yellow. 👍🏾"),
        ])
        return SampleStory(entry: entry, comments: comments)
    }

    /// A short "Ask" thread, with a few comments and one two-paragraph answer.
    static var oldestProgramStory: SampleStory {
        let id = "sample:terminal-times/2023/09/21/ask-oldest-program"
        let published = utc(2023, 9, 21, 19, 12)
        let entry = FeedEntry(
            id: id,
            title: "Ask TT: What is the oldest program you still use every day?",
            link: "https://terminal-times.example/item/38820",
            published: published,
            author: "greybeard_jr",
            content: """
                <p>Mine is probably <code>make</code>, which is older than I am. Close second: a shell script I \
                wrote in 2009 to rename photos by date, which has survived four laptops and three operating \
                systems without a single change.</p>
                <p>What's yours, and why has nothing replaced it?</p>
                """,
            commentsURL: "https://terminal-times.example/item/38820")
        let comments = SampleThread.build(entryID: id, published: published, [
            SampleComment(0, "ed_is_the_standard", 61, after: 9, """
                ed. Not every day, but every week, in scripts, because it is the one editor I know will be on \
                every machine and does exactly what it's told.

                People laugh until they need to change one line in four hundred config files over a slow \
                connection.
                """),
            SampleComment(1, "greybeard_jr", 14, after: 30, "The sed people are going to have words with you."),
            SampleComment(2, "ed_is_the_standard", 11, after: 41, "The sed people are welcome. sed is ed's younger sibling who moved out."),
            SampleComment(0, "bookworm", 23, after: 55, """
                A newsreader, of all things. I have read the same three mailing lists through it since 2004. It \
                starts instantly, remembers what I've read, and has never once shown me an advert.
                """),
            SampleComment(0, "kit", 8, after: 122, "cal. I don't know why, but I type cal a dozen times a day just to see the month."),
        ])
        return SampleStory(entry: entry, comments: comments)
    }

    /// Release notes that nobody has commented on: the sample's story without comments.
    static var pagerReleaseStory: SampleStory {
        let entry = FeedEntry(
            id: "sample:terminal-times/2022/07/14/tinypager-0-3",
            title: "tinypager 0.3 released: search, bookmarks and it remembers where you were",
            link: "https://terminal-times.example/2022/07/14/tinypager-0-3",
            published: utc(2022, 7, 14, 10, 0),
            author: "tinypager maintainers",
            content: """
                <p><strong>tinypager</strong> is a small pager for long text files that keeps its state in a \
                local SQLite database. Version 0.3 is out.</p>
                <ul>
                <li>Search with <kbd>/</kbd>, then <kbd>n</kbd> and <kbd>N</kbd> for the next and previous \
                match.</li>
                <li>Bookmarks: <kbd>m</kbd> and a letter sets one, <kbd>'</kbd> and the letter jumps back.</li>
                <li>Reopening a file returns to the line you were reading, even after the file has grown.</li>
                <li>Wide characters are measured per grapheme cluster, so Japanese and emoji no longer push the \
                status line out of place.</li>
                </ul>
                <p>Thanks to everyone who sent bug reports. Comments are closed for release notes; please use the \
                issue tracker.</p>
                """,
            categories: ["release"])
        return SampleStory(entry: entry, comments: [])
    }
}
