import Foundation
import NewsModel

extension SampleEdition {
    /// World Desk, an invented general-news source whose stories are written in Chinese, Japanese, Arabic,
    /// Hebrew, Spanish and Danish, so the edition shows wide, right-to-left and accented text.
    static let worldDesk = SampleSource(
        url: "sample:world-desk", title: "World Desk", tags: ["news", "world"],
        link: "https://world-desk.example/",
        subtitle: "Small stories from around the world, written for Gazette's sample edition",
        stories: [teahouseStory, machiyaLibraryStory, bookFairStory, rooftopGardenStory, harvestStory, ferryStory])

    /// A world-desk entry with its link and comments page derived from the slug.
    private static func worldEntry(_ slug: String, title: String, author: String, published: Date,
                                   categories: [String], content: String) -> FeedEntry {
        FeedEntry(id: "sample:world-desk/\(slug)", title: title, link: "https://world-desk.example/\(slug)",
                  published: published, author: author, content: content, categories: categories,
                  commentsURL: "https://world-desk.example/\(slug)#comments")
    }

    /// Chinese: an old teahouse by West Lake in Hangzhou.
    static var teahouseStory: SampleStory {
        let published = utc(2023, 4, 12, 1, 30)
        let entry = worldEntry("2023/04/12/west-lake-teahouse", title: "西湖边的老茶馆：一壶龙井里的城市记忆",
                               author: "陈静", published: published, categories: ["中国", "生活"], content: """
            <p>清晨六点，杭州西湖边的这家老茶馆已经坐满了人。老人们带着自己的茶杯，熟练地找到固定的座位，一边看报纸，\
            一边等着服务员提着大铜壶过来添水。这家茶馆开业已经四十多年，装修几乎没有变过：木桌木椅，墙上挂着泛黄的老照片。</p>
            <p>“我从年轻的时候就来这里喝茶，”七十八岁的王先生说。“以前是跟父亲一起来，现在是跟孙子一起来。\
            茶还是一样的龙井，只是价格涨了一点。”</p>
            <p>近年来，越来越多的年轻人也开始光顾这类老茶馆。有人来拍照，有人带着笔记本电脑来工作，也有人只是想找一个\
            安静的地方，听听杭州话，看看窗外的湖光山色。茶馆老板说，周末的客人里，三十岁以下的已经占了将近一半。</p>
            <p>对于茶馆的未来，老板并不太担心。“只要西湖还在，龙井还在，就会有人来喝茶。”他笑着说，然后又去给一桌刚坐下的客人泡茶了。</p>
            """)
        return SampleStory(entry: entry, comments: SampleThread.build(entryID: entry.id ?? "", published: published, [
            SampleComment(0, "小林", 12, after: 95, "我去过这家！早上的气氛特别好，推荐大家去尝尝明前龙井。"),
            SampleComment(1, "tea_traveller", 7, after: 300, "Went there last spring. Couldn't read the menu, but pointing at the neighbour's cup worked perfectly."),
            SampleComment(2, "小林", 5, after: 340, "哈哈，这是最好的点单方法。😄"),
            SampleComment(0, "阿梅", 9, after: 1_020, "希望这样的老茶馆能一直开下去，千万别变成只适合拍照的网红店。"),
        ]))
    }

    /// Japanese: a machiya townhouse in Kyoto turned into a small library.
    static var machiyaLibraryStory: SampleStory {
        let published = utc(2025, 3, 28, 3, 0)
        let entry = worldEntry("2025/03/28/kyoto-machiya-library", title: "京都の町家を改装した小さな図書館、春にオープン",
                               author: "佐藤 美咲", published: published, categories: ["日本", "文化"], content: """
            <p>京都市の住宅街にある築百年の町家が、小さな私設図書館として生まれ変わった。蔵書はおよそ三千冊。\
            地域の住民から寄贈された本が中心で、絵本から古い旅行記まで、棚には手書きの紹介カードが添えられている。</p>
            <p>館長を務めるのは、元書店員の山田さん（五十二歳）。「本を借りに来るというより、縁側で少し休んでいく場所に\
            したかった」と話す。利用は無料で、貸し出しの記録はすべて紙のノートに書き込む方式だ。</p>
            <p>開館日は週に四日。平日の午後は近所の子どもたちが宿題をしに集まり、週末には観光客が坪庭を眺めながら\
            静かにページをめくる姿も見られる。</p>
            <p>山田さんは今後、地域のお年寄りによる昔話の朗読会も計画している。「町家も本も、人が使ってこそ生きる」。</p>
            """)
        return SampleStory(entry: entry, comments: SampleThread.build(entryID: entry.id ?? "", published: published, [
            SampleComment(0, "haruka_t", 8, after: 140, "素敵な取り組みですね。次に京都に行くときは必ず寄ります。"),
            SampleComment(1, "けんじ", 4, after: 200, "縁側で本を読めるなんて、最高の贅沢だと思います。"),
            SampleComment(0, "bibliophile", 15, after: 610, "Three thousand donated books and a paper loan ledger. The most wholesome thing I've read all week."),
        ]))
    }

    /// Arabic: the first day of a book fair in Amman.
    static var bookFairStory: SampleStory {
        let published = utc(2023, 9, 28, 11, 20)
        let entry = worldEntry("2023/09/28/amman-book-fair", title: "معرض الكتاب في عمّان يستقبل آلاف الزوار في يومه الأول",
                               author: "ليلى حداد", published: published, categories: ["الأردن", "ثقافة"], content: """
            <p>افتتح معرض الكتاب في عمّان أبوابه صباح الخميس، واستقبل في يومه الأول آلاف الزوار من مختلف الأعمار. \
            وتشارك في دورة هذا العام أكثر من ثلاثمئة دار نشر من عشرين دولة عربية وأجنبية.</p>
            <p>وقال أحد المنظمين إن المعرض خصص هذا العام جناحاً كاملاً لكتب الأطفال، إلى جانب قاعة للقراءة وورش عمل يومية \
            في الكتابة والرسم. وأضاف: «نريد أن يخرج كل طفل من المعرض ومعه كتاب يحبه».</p>
            <p>وشهد جناح الروايات المترجمة إقبالاً لافتاً، فيما اصطف الزوار أمام منصات التوقيع للقاء عدد من الكتّاب الشباب. \
            ويستمر المعرض عشرة أيام، من العاشرة صباحاً حتى العاشرة مساءً.</p>
            """)
        return SampleStory(entry: entry, comments: SampleThread.build(entryID: entry.id ?? "", published: published, [
            SampleComment(0, "ليلى", 6, after: 240, "زرت المعرض اليوم مع أطفالي، وكان جناح الأطفال رائعاً فعلاً."),
            SampleComment(1, "سامر", 2, after: 275, "هل الأسعار مناسبة هذا العام؟"),
            SampleComment(2, "ليلى", 3, after: 290, "نعم، وهناك خصومات كثيرة على الروايات المترجمة."),
            SampleComment(0, "bookish_in_amman", 5, after: 700, "The signing queues were long but worth it. Bring water!"),
        ]))
    }

    /// Hebrew: a community garden on a library roof in Be'er Sheva.
    static var rooftopGardenStory: SampleStory {
        let published = utc(2024, 5, 14, 7, 45)
        let entry = worldEntry("2024/05/14/beer-sheva-rooftop-garden", title: "באר שבע: גינה קהילתית חדשה נפתחה על גג הספרייה העירונית",
                               author: "נועה לוי", published: published, categories: ["ישראל", "קהילה"], content: """
            <p>על גג הספרייה העירונית בבאר שבע נפתחה השבוע גינה קהילתית חדשה. בגינה עשרות ערוגות של ירקות, תבלינים ופרחים, \
            ומערכת השקיה בטפטוף שפועלת על מים ממוחזרים.</p>
            <p>את הגינה מתחזקים מתנדבים מהשכונה, ביניהם סטודנטים, פנסיונרים ותלמידי בית ספר יסודי סמוך. \
            ״רצינו מקום שבו אנשים יפגשו זה את זה, לא רק ספרים,״ אמרה אחת המתנדבות.</p>
            <p>הגינה פתוחה לציבור בימי שלישי ושישי בבוקר, וכל מי שמגיע מוזמן לקחת הביתה צרור נענע.</p>
            """)
        return SampleStory(entry: entry, comments: SampleThread.build(entryID: entry.id ?? "", published: published, [
            SampleComment(0, "מיכל", 4, after: 180, "איזה רעיון יפה! אני חייבת לבוא ביום שישי."),
            SampleComment(0, "dan_k", 3, after: 420, "Finally a reason to go to the library on a Friday morning."),
        ]))
    }

    /// Spanish (with Portuguese and French comments): an early grape harvest in Mendoza.
    static var harvestStory: SampleStory {
        let published = utc(2024, 2, 6, 13, 15)
        let entry = worldEntry("2024/02/06/mendoza-early-harvest",
                               title: "Mendoza adelanta la vendimia: el calor obliga a cosechar antes de tiempo",
                               author: "Martín Ibáñez", published: published, categories: ["Argentina", "vino"], content: """
            <p>En los viñedos del Valle de Uco, la vendimia empezó este año casi tres semanas antes de lo habitual. \
            Las temperaturas de enero, que superaron los 38 °C durante varios días seguidos, aceleraron la maduración \
            de la uva y obligaron a los productores a reorganizar a sus cuadrillas a último momento.</p>
            <p>«Nunca había visto el malbec tan adelantado», cuenta María José Giménez, enóloga de una bodega familiar \
            de Tupungato. «La fruta está sana, pero hay que cosechar de noche y con mucho cuidado para que no pierda \
            acidez».</p>
            <p>Los pequeños productores son los más afectados: muchos dependen de trabajadores temporeros que todavía \
            no habían llegado desde el norte del país. Algunas cooperativas compartieron máquinas y camiones para no \
            perder la cosecha.</p>
            <p>Pese a todo, el ánimo en la región es bueno. Si el otoño acompaña, dicen en las bodegas, la añada podría \
            ser pequeña pero de muy buena calidad.</p>
            """)
        return SampleStory(entry: entry, comments: SampleThread.build(entryID: entry.id ?? "", published: published, [
            SampleComment(0, "Joaquín", 11, after: 85, "Acá en San Rafael pasó lo mismo. Cosechamos el chardonnay a fines de enero, algo impensado hace diez años."),
            SampleComment(1, "enóloga_curiosa", 4, after: 130, "¿Y cómo vienen los rendimientos? Por Luján dicen que bajaron bastante."),
            SampleComment(2, "Joaquín", 6, after: 162, "Un 20 % menos, más o menos. Pero la calidad, impecable."),
            SampleComment(0, "Conceição", 8, after: 400, "Aqui no Douro também estamos a vindimar cada vez mais cedo. É o novo normal, infelizmente."),
            SampleComment(0, "Éloïse", 5, after: 910, "Même chose en Bourgogne l'an dernier. Courage aux vignerons !"),
        ]))
    }

    /// Danish: a small island ferry that now runs on batteries alone.
    static var ferryStory: SampleStory {
        let published = utc(2025, 8, 19, 6, 30)
        let entry = worldEntry("2025/08/19/electric-island-ferry",
                               title: "Den lille ø-færge sejler nu kun på strøm – og passagererne nyder stilheden",
                               author: "Søren Kjærgaard", published: published, categories: ["Danmark", "transport"], content: """
            <p>Om morgenen er der næsten helt stille på dækket. Kun mågerne og en svag summen fra batterierne afslører, \
            at færgen er på vej ud af havnen. Siden foråret har den lille ø-færge sejlet udelukkende på strøm, og det har \
            ændret både regnskabet og stemningen om bord.</p>
            <p>»Før kunne man ikke høre sine egne tanker for dieselmotoren,« siger Åse Østergaard, der pendler til \
            fastlandet fem dage om ugen. »Nu læser jeg avis og drikker kaffe i fred. Det er en helt anden tur.«</p>
            <p>Færgen lades op ved kajen, mens bilerne kører i land. Rederiet oplyser, at udgifterne til brændstof er \
            faldet med mere end halvdelen, og at ruten har haft færre aflysninger end nogensinde.</p>
            <p>Ikke alle er lige begejstrede. Enkelte fiskere savner lyden af motoren – »den fortalte én, hvornår færgen \
            var på vej«. Men på øen er de fleste enige: stilheden er kommet for at blive.</p>
            """)
        return SampleStory(entry: entry, comments: SampleThread.build(entryID: entry.id ?? "", published: published, [
            SampleComment(0, "Mette", 9, after: 150, "Vi tog færgen i sommerferien med børnene. Det var første gang, de lagde mærke til havet i stedet for larmen. 🌊"),
            SampleComment(0, "øboen", 6, after: 205, "Kan bekræfte. Og kaffen om bord er også blevet bedre."),
            SampleComment(1, "Mette", 3, after: 260, "Det må være stilheden, der gør det 😄"),
        ]))
    }
}
