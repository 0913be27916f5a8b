/// An article page in the shape of the seed story (a MercoPress news item): headline, date line, lead
/// paragraph, a photo with its caption, body paragraphs whose curly quotes are windows-1252 numeric
/// references (`&#147;` `&#148;`), as the site sends them. Written for these tests.
enum SeedStoryFixture {
    static let baseURL = "https://en.mercopress.com/2022/03/08/surprise-turnaround"

    static let html = """
    <!DOCTYPE html>
    <html><head><meta charset="utf-8"><title>Surprise turnaround — MercoPress</title>
    <script>var ads = [];</script><style>.cnt { font: 12px serif }</style></head>
    <body><div id="menu"><a href="/">MercoPress, en Español</a></div>
    <div class="cnt">
    <h1>Surprise turnaround of Ukraine invasion: Washington and Maduro regime hold weekend talks</h1>
    <p class="date">Tuesday, March 8th 2022 - 09:54 UTC</p>
    <p class="lead"><strong>The United States and Venezuela are back in talking terms. White House admitted \
    on Monday that a US delegation held weekend talks in Caracas with the government of Nicolas Maduro \
    including discussions on energy supplies.</strong></p>
    <figure class="photo"><img src="/data/cache/noticias/79011/maduro.jpg" alt="Nicolas Maduro">
    <figcaption>Maduro, with whose regime US cut relations in 2019, has been among the few international \
    figures to assure Putin of his &#147;strong support&#148; during the Ukraine invasion.</figcaption></figure>
    <p>Maduro, with whose regime the United States broke off relations in 2019, has been among the few \
    international figures to assure Russian President Vladimir Putin of his &#147;strong support&#148; in \
    the wake of the Ukraine invasion.</p>
    <p>&#147;As it relates to Venezuela, the purpose of the trip that was taken by administration officials \
    was to discuss a range of issues including certainly energy, energy security,&#148; White House Press \
    Secretary Jen Psaki told reporters.</p>
    <p>According to <a href="https://www.nytimes.com/">The New York Times</a>, the visit by senior State \
    Department and White House officials, including Juan Gonz&aacute;lez, was linked to Washington&#146;s \
    alleged interest in replacing part of the oil it currently buys from Russia.</p>
    </div>
    <div class="comments"><p>Top Comments</p></div>
    </body></html>
    """
}
