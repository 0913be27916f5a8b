import Testing
@testable import ArticleText

@Suite("The seed story renders as a reader expects")
struct SeedStoryTests {
    @Test("Golden render at 60 columns: menu link, headline, date, lead, photo with caption, body, links")
    func golden() {
        let rendered = ArticleRenderer.render(html: SeedStoryFixture.html, width: 60, baseURL: SeedStoryFixture.baseURL)
        #expect(rendered.lines.map(\.plainText) == [
            "MercoPress, en Español[1]",
            "",
            "Surprise turnaround of Ukraine invasion: Washington and",
            "Maduro regime hold weekend talks",
            "",
            "Tuesday, March 8th 2022 - 09:54 UTC",
            "",
            "The United States and Venezuela are back in talking terms.",
            "White House admitted on Monday that a US delegation held",
            "weekend talks in Caracas with the government of Nicolas",
            "Maduro including discussions on energy supplies.",
            "",
            "[image: Nicolas Maduro]",
            "Maduro, with whose regime US cut relations in 2019, has been",
            "among the few international figures to assure Putin of his",
            "“strong support” during the Ukraine invasion.",
            "",
            "Maduro, with whose regime the United States broke off",
            "relations in 2019, has been among the few international",
            "figures to assure Russian President Vladimir Putin of his",
            "“strong support” in the wake of the Ukraine invasion.",
            "",
            "“As it relates to Venezuela, the purpose of the trip that",
            "was taken by administration officials was to discuss a range",
            "of issues including certainly energy, energy security,”",
            "White House Press Secretary Jen Psaki told reporters.",
            "",
            "According to The New York Times[2], the visit by senior",
            "State Department and White House officials, including Juan",
            "González, was linked to Washington’s alleged interest in",
            "replacing part of the oil it currently buys from Russia.",
            "",
            "Top Comments",
            "",
            "[1] https://en.mercopress.com/",
            "[2] https://www.nytimes.com/",
        ])
        #expect(rendered.links == ["https://en.mercopress.com/", "https://www.nytimes.com/"])
    }

    @Test("The lead is bold, the caption muted, and the head's title and script never show")
    func traitsAndHead() {
        let lines = ArticleRenderer.render(html: SeedStoryFixture.html, width: 80).lines
        #expect(traits(of: "back in talking terms", in: lines) == .bold)
        #expect(traits(of: "cut relations", in: lines) == [.muted, .italic])
        let all = lines.map(\.plainText).joined(separator: "\n")
        #expect(!all.contains("var ads"))
        #expect(!all.contains("font: 12px"))
        #expect(!all.contains("— MercoPress"))
    }

    @Test("Every width from 30 to 200 keeps every row within the width")
    func everyWidth() {
        let text = ArticleRenderer.richText(fromHTML: SeedStoryFixture.html, baseURL: SeedStoryFixture.baseURL)
        for width in 30...200 {
            let lines = TextLayout.lines(for: text, width: width)
            #expect(widestRow(lines) <= width, "width \(width)")
            #expect(lines.contains { $0.plainText.contains("“strong support”") } || width < 40)
        }
    }
}
