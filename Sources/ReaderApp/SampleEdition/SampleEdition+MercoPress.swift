import Foundation
import NewsModel

extension SampleEdition {
    /// MercoPress, the South Atlantic news agency whose story started the project: that one story, with its
    /// photo caption, body and both reader comments exactly as the page showed them.
    static let mercoPress = SampleSource(
        url: "sample:mercopress", title: "MercoPress", tags: ["news", "south-atlantic"],
        link: "https://en.mercopress.com/",
        subtitle: "South Atlantic News Agency",
        stories: [seedStory])

    /// The photo caption of the seed story, used as the image's alt text and as its figure caption.
    static let seedCaption = "Maduro, with whose regime US cut relations in 2019, has been among the few international figures to assure Putin of his “strong support” during the Ukraine invasion."

    /// The seed story's body paragraphs, verbatim from the page.
    static let seedParagraphs = [
            "The United States and Venezuela are back in talking terms. White House admitted on Monday that a US delegation held weekend talks in Caracas with the government of Nicolas Maduro including discussions on energy supplies.",
            "Maduro, with whose regime the United States broke off relations in 2019, has been among the few international figures to assure Russian President Vladimir Putin of his “strong support” in the wake of the Ukraine invasion.",
            "“As it relates to Venezuela, the purpose of the trip that was taken by administration officials was to discuss a range of issues including certainly energy, energy security,” White House Press Secretary Jen Psaki told reporters.",
            "The United States has imposed a battery of sanctions on Caracas in a bid to force Maduro from power, with one 2019 measure preventing Venezuela from trading its crude oil -- which accounted for 96% of the country's revenues -- on the US market.",
            "According to The New York Times, the visit by senior State Department and White House officials, including Juan González, Latin American affairs advisor to president Joe Biden, was linked to Washington's alleged interest in replacing part of the oil it currently buys from Russia with the oil it stopped buying from Venezuela.",
            "Since breaking off diplomatic relations with Caracas, Washington has refused to deal with the Maduro government, instead treating opposition leader Juan Guaido as the South American country's legitimate president. Guaido's office said that the opposition held a “sustained meeting” with the US delegation.",
            "Psaki said the delegation also raised the “health and welfare” of a number of Americans detained in the country -- who include six oil executives jailed in 2017 -- but stressed that energy talks and the detainees' fate were “separate paths and conversations.”",
            "Washington signaled last month it would be willing to review its sanctions policy toward Venezuela if talks between Maduro's government and the opposition -- launched in August but suspended since October -- moved forward.",
            "Allegedly according to Spanish media the US delegation was able to visit some of the US prisoners in Venezuelan intelligence jails, notorious for their torture practices.",
            "The Maduro regime that has seen its oil output drop to a million bps, from the three million in 1999, has invited foreign companies to invest in Venezuela and help the local oil industry recover. When the announcement, Maduro made “the invitation extensive to US companies”",
    ]

    /// "Surprise turnaround of Ukraine invasion", MercoPress, Tuesday 8 March 2022, 09:54 UTC.
    static var seedStory: SampleStory {
        let link = "https://en.mercopress.com/2022/03/08/surprise-turnaround-of-ukraine-invasion-washington-and-maduro-regime-hold-weekend-talks"
        let image = "https://en.mercopress.com/data/cache/noticias/84213/0x0/maduro-putin.jpg"
        let figure = "<figure><img src=\"\(image)\" alt=\"\(seedCaption)\"><figcaption>\(seedCaption)</figcaption></figure>"
        let body = seedParagraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        let entry = FeedEntry(
            id: seedEntryID,
            title: "Surprise turnaround of Ukraine invasion: Washington and Maduro regime hold weekend talks",
            link: link,
            published: utc(2022, 3, 8, 9, 54),
            summary: "<p>\(seedParagraphs[0])</p>",
            content: figure + "\n" + body,
            categories: ["Venezuela", "United States"],
            enclosures: [Enclosure(url: image, type: "image/jpeg")],
            commentsURL: link + "/comments",
            thumbnailURL: image)
        // The page lists its top comments in this order, the newer one first.
        let comments = [
            FetchedComment(remoteID: "\(seedEntryID)#c1", author: "imoyaro", date: utc(2022, 3, 12, 10, 30), score: 0,
                           body: "<p>That's Polonium, Gauchito. Not that you'd know... ;)</p>"),
            FetchedComment(remoteID: "\(seedEntryID)#c2", author: "Tænk", date: utc(2022, 3, 8, 10, 14), score: -1,
                           body: "<p>Now..., we only need Putin to poison USA's Venezuelan Fake President Juan Guaidio with some Plutonium and China to join the Anglosphere against the Ruskies...</p>"),
        ]
        return SampleStory(entry: entry, comments: comments)
    }
}
