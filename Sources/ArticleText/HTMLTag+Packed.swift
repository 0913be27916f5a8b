extension HTMLTag {
    /// The tag for a lower-case name of nine to sixteen bytes packed into two words (`low` holds the
    /// first eight): only three elements have such names. A test checks it against `named(_:)`.
    static func named(packed low: UInt64, high: UInt64) -> HTMLTag {
        switch (low, high) {
        case (0x6F75716B636F6C62, 0x6574): .blockquote
        case (0x6974706163676966, 0x6E6F): .figcaption
        case (0x7865746E69616C70, 0x74): .plaintext
        default: .other
        }
    }

    /// The tag for a lower-case name of at most eight bytes packed into a word (first byte lowest), as
    /// `StreamingHTMLReader` reads it: no `String` is hashed per tag. Generated from the case list; a test
    /// checks it against `named(_:)` for every case.
    static func named(packed key: UInt64) -> HTMLTag {
        switch key {
        case 0x62: .b
        case 0x676E6F727473: .strong
        case 0x69: .i
        case 0x6D65: .em
        case 0x65746963: .cite
        case 0x6E6664: .dfn
        case 0x726176: .`var`
        case 0x75: .u
        case 0x736E69: .ins
        case 0x73: .s
        case 0x656B69727473: .strike
        case 0x6C6564: .del
        case 0x65646F63: .code
        case 0x64626B: .kbd
        case 0x706D6173: .samp
        case 0x7474: .tt
        case 0x61: .a
        case 0x70: .p
        case 0x766964: .div
        case 0x6E6F6974636573: .section
        case 0x656C6369747261: .article
        case 0x726564616568: .header
        case 0x7265746F6F66: .footer
        case 0x6E69616D: .main
        case 0x76616E: .nav
        case 0x6564697361: .aside
        case 0x7265746E6563: .center
        case 0x736C6961746564: .details
        case 0x7972616D6D7573: .summary
        case 0x746573646C656966: .fieldset
        case 0x646E6567656C: .legend
        case 0x6D726F66: .form
        case 0x657275676966: .figure
        case 0x70756F726768: .hgroup
        case 0x73736572646461: .address
        case 0x71: .q
        case 0x657270: .pre
        case 0x676E697473696C: .listing
        case 0x706D78: .xmp
        case 0x3168: .h1
        case 0x3268: .h2
        case 0x3368: .h3
        case 0x3468: .h4
        case 0x3568: .h5
        case 0x3668: .h6
        case 0x6C75: .ul
        case 0x6C6F: .ol
        case 0x756E656D: .menu
        case 0x726964: .dir
        case 0x696C: .li
        case 0x6C64: .dl
        case 0x7464: .dt
        case 0x6464: .dd
        case 0x656C626174: .table
        case 0x7274: .tr
        case 0x6474: .td
        case 0x6874: .th
        case 0x6461656874: .thead
        case 0x79646F6274: .tbody
        case 0x746F6F6674: .tfoot
        case 0x6E6F6974706163: .caption
        case 0x747069726373: .script
        case 0x656C797473: .style
        case 0x7470697263736F6E: .noscript
        case 0x6574616C706D6574: .template
        case 0x656C746974: .title
        case 0x6165726174786574: .textarea
        case 0x7463656C6573: .select
        case 0x6E6F74747562: .button
        case 0x70616D: .map
        case 0x7473696C61746164: .datalist
        case 0x746573656D617266: .frameset
        case 0x73656D6172666F6E: .noframes
        case 0x6465626D656F6E: .noembed
        case 0x656D61726669: .iframe
        case 0x7072: .rp
        case 0x7472: .rt
        case 0x677673: .svg
        case 0x6874616D: .math
        case 0x6F65646976: .video
        case 0x6F69647561: .audio
        case 0x7463656A626F: .object
        case 0x6E6F6974706F: .option
        case 0x70756F726774706F: .optgroup
        case 0x7262: .br
        case 0x7268: .hr
        case 0x676D69: .img
        case 0x6465626D65: .embed
        case 0x656372756F73: .source
        case 0x726277: .wbr
        case 0x61657261: .area
        case 0x65736162: .base
        case 0x6C6F63: .col
        case 0x70756F72676C6F63: .colgroup
        case 0x7475706E69: .input
        case 0x6B6E696C: .link
        case 0x6174656D: .meta
        case 0x6D61726170: .param
        case 0x6B63617274: .track
        case 0x6E656779656B: .keygen
        case 0x656D617266: .frame
        case 0x6C6D7468: .html
        case 0x64616568: .head
        case 0x79646F62: .body
        default: .other
        }
    }
}
