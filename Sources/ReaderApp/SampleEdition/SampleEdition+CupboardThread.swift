import Foundation
import NewsModel

extension SampleEdition {
    /// The Terminal Times discussion with the long, deep thread (45 comments, 8 levels): a small company
    /// moving its CI from the cloud to two machines in a cupboard, and readers arguing about it.
    static var cupboardStory: SampleStory {
        let id = "sample:terminal-times/2025/06/17/ci-in-a-cupboard"
        let published = utc(2025, 6, 17, 14, 5)
        let entry = FeedEntry(
            id: id,
            title: "We moved our CI from the cloud to two machines in a cupboard",
            link: "https://terminal-times.example/2025/06/17/ci-in-a-cupboard",
            published: published,
            author: "marta_k",
            content: """
                <p>Our build bill had grown to more than our office rent. Every pull request ran the full matrix on \
                rented runners, most of which spent their first four minutes downloading the same dependencies as \
                the run before. In March we bought two second-hand workstations, put them in the cupboard next to \
                the coffee machine, and pointed our CI at them.</p>
                <p>Three months in: median pipeline time went from 19 minutes to 7, the monthly cost went from \
                about 4,100 euros to the electricity (we measured 38 euros in May), and we had one outage, when \
                someone unplugged a machine to charge a scooter. We kept the cloud runners as a fallback for \
                release builds, which need a clean machine anyway.</p>
                <p>This is not a manifesto. It works for us because we are eleven people in one office with one \
                main repository. Below is what we changed, what surprised us and what we would do differently.</p>
                <h2>What made it fast</h2>
                <p>Not the hardware. Warm caches: the compiler cache, the package cache and the test database \
                template all survive between runs. A clean build on these machines is only 20% faster than on the \
                rented ones; an incremental one is five times faster.</p>
                """,
            categories: ["ci", "infrastructure"],
            commentsURL: "https://terminal-times.example/item/41872")
        return SampleStory(entry: entry, comments: SampleThread.build(entryID: id, published: published, cupboardThread))
    }

    /// The thread as written, in display order.
    private static let cupboardThread: [SampleComment] = [
        SampleComment(0, "dvorakfan", 212, after: 14, """
            The point about warm caches is the real story here. We got most of the same gain by keeping a \
            persistent cache volume on our cloud runners. You don't need a cupboard to stop downloading the \
            internet on every run.
            """),
        SampleComment(1, "marta_k", 98, after: 31, """
            Author here. We tried that first. The persistent volumes were tied to one availability zone, so half \
            our jobs landed on runners that couldn't see them, and the ones that could paid for the volume around \
            the clock anyway.

            It's certainly possible to get it right in the cloud. It just took us an afternoon to get it right in \
            the cupboard.
            """),
        SampleComment(2, "dvorakfan", 40, after: 47, """
            Fair. Zone pinning bit us too, we ended up with one big runner per zone and a scheduler that knows \
            about it. Which is, admittedly, a cupboard with extra steps.
            """),
        SampleComment(3, "quietloop", 77, after: 52, "\"A cupboard with extra steps\" is going on my wall."),
        SampleComment(4, "hendrik_v", 12, after: 70, """
            Most of the cloud is a cupboard with extra steps. The steps are the part you pay for, and sometimes \
            they're worth it.
            """),
        SampleComment(5, "quietloop", 9, after: 88, """
            Sure, but people forget they're paying for the steps even when they don't use them.
            """),
        SampleComment(6, "hendrik_v", 6, after: 104, """
            Agreed. The honest comparison is "what would it cost us to do the steps ourselves", and for a team \
            of eleven in one office the answer is apparently: one afternoon and a label on a power plug.
            """),
        SampleComment(7, "marta_k", 15, after: 121, """
            The label now says DO NOT UNPLUG in three languages and has a drawing of a scooter with a red line \
            through it.
            """),
        SampleComment(0, "sre_anon", 187, after: 22, """
            Everyone who has run hardware is now waiting for the first disk to fail at 3 a.m. during a release.

            Not saying don't do it. Saying: write down today, while it's calm, what happens when one of the two \
            machines dies. Who notices, how long the queue gets, who drives to the shop.
            """),
        SampleComment(1, "marta_k", 121, after: 40, """
            That is in the post, further down: when a machine drops out, jobs queue on the other one and after \
            ten minutes of queueing the cloud runners take over automatically. We tested it by pulling the plug \
            (deliberately, this time).
            """),
        SampleComment(2, "sre_anon", 64, after: 58, """
            Then you're ahead of most people I've worked with. The fallback being tested is the whole difference \
            between a cupboard and a liability.
            """),
        SampleComment(2, "bitrot", 18, after: 63, """
            How often do you test it though? A fallback you tested once in March is a fallback you hope still works.
            """),
        SampleComment(3, "marta_k", 35, after: 80, """
            Monthly, from a calendar reminder. One of the machines gets switched off for an hour on the first \
            Monday. Nobody has noticed so far, which is the point.
            """),
        SampleComment(4, "bitrot", 22, after: 95, "A calendar reminder is underrated infrastructure."),
        SampleComment(1, "mkl", 45, after: 66, """
            Disks are the least of it in my experience. It's the power supply, and it fails on a Friday evening. \
            Keep a spare one on the shelf; they are cheap and nobody stocks the right one on a weekend.
            """),
        SampleComment(0, "juno_ops", 96, after: 35, """
            Did you consider security at all? Your CI runs code from pull requests on a machine that sits on the \
            office network next to everyone's laptops.
            """),
        SampleComment(1, "marta_k", 88, after: 59, """
            Yes, and it's a fair worry. The machines are on their own VLAN with no route to the office network, \
            only outbound internet through a proxy that allows the package registries and our git host. Pull \
            requests from forks don't run there at all; they go to the cloud runners.
            """),
        SampleComment(2, "juno_ops", 41, after: 77, """
            That's the right setup. I'd add: wipe the workspace between jobs even if it costs you a bit of the \
            cache gain. Keep the caches, lose the checkouts.
            """),
        SampleComment(3, "pgrdn", 13, after: 130, """
            We do exactly that with a small wrapper:

              rm -rf "$WORKSPACE"
              git worktree add "$WORKSPACE" "$SHA"
              exec ./ci/run

            The compiler cache lives outside the workspace, so a clean checkout costs us seconds.
            """),
        SampleComment(0, "tovah", 58, after: 41, """
            38 euros a month of electricity for two workstations seems low to me. Are they idle most of the time?
            """),
        SampleComment(1, "marta_k", 30, after: 65, """
            They sleep at night and at weekends (wake-on-LAN from the CI scheduler when a job arrives). During \
            the working day they're busy maybe 40% of the time. Electricity is also cheaper here than you might \
            think, we're in a small town with a lot of wind.
            """),
        SampleComment(2, "tovah", 11, after: 90, "Wake-on-LAN from the scheduler is a neat touch. Do you lose much time waking them?"),
        SampleComment(3, "marta_k", 8, after: 112, "About 25 seconds. Nobody notices on a 7-minute pipeline."),
        SampleComment(0, "ferris_wheel", -4, after: 48, """
            This is exactly the kind of thinking that doesn't scale. Wait until you have a hundred engineers.
            """),
        SampleComment(1, "quietloop", 52, after: 61, """
            They said they're eleven people and that it's not a manifesto. Not everything needs to scale to a \
            hundred engineers; most companies never have a hundred engineers.
            """),
        SampleComment(2, "ferris_wheel", 3, after: 84, """
            Fair enough, I read the title and not the third paragraph. Still, plan the exit before you need it.
            """),
        SampleComment(3, "marta_k", 14, after: 99, """
            The exit is easy: switch the fallback on permanently. Nothing in the pipeline knows which machine \
            it's on.
            """),
        SampleComment(0, "lindqvist", 73, after: 57, """
            We did the same thing in 2019 and went back to the cloud in 2022. Not because the cupboard failed, \
            but because the person who built it left and nobody else wanted to own it.

            That's the real cost nobody puts in the spreadsheet: the hardware needs a person who cares about it. \
            If that person is happy and staying, great.
            """),
        SampleComment(1, "sre_anon", 39, after: 75, "This is the comment. Infrastructure is people."),
        SampleComment(1, "marta_k", 27, after: 101, """
            Very true. We've written it up so that two others can run it, and the machines are boring on \
            purpose: stock Debian, one shell script to provision, no clever tricks. But yes, that's a risk.
            """),
        SampleComment(2, "lindqvist", 16, after: 118, """
            Boring on purpose is the best advice in this thread. Ours had a home-grown scheduler written in a \
            weekend. It was lovely and nobody understood it.
            """),
        SampleComment.deleted(0, after: 63),
        SampleComment(1, "pgrdn", 19, after: 79, """
            Whatever was said here, the answer is no: the cloud runners are not "just someone else's computer" \
            in any way that matters for a CI bill. They're someone else's computer plus someone else's on-call.
            """),
        SampleComment(2, "nadia_b", 7, after: 96, "Plus someone else's spare power supply, apparently."),
        SampleComment(0, "oskar", 34, after: 90, """
            What did you do about macOS builds? That's where we're stuck: the only way to get Macs in CI is to \
            rent them, and they cost a fortune.
            """),
        SampleComment(1, "marta_k", 29, after: 117, """
            We don't ship anything for macOS, so nothing. I know of teams who put a Mac mini in the same kind of \
            cupboard; you need to keep the OS updates under control yourself.
            """),
        SampleComment(2, "oskar", 12, after: 140, """
            A Mac mini on a shelf is how half the indie developers I know do it. Updates are the painful part, \
            as you say: one forced restart and your nightly build is gone.
            """),
        SampleComment(0, "chen.w", 25, after: 150, """
            Numbers like "19 minutes to 7" are always nice to see. Did the flaky tests get better or worse? In \
            our experience faster runners expose a whole new set of race conditions.
            """),
        SampleComment(1, "marta_k", 21, after: 171, """
            Worse for the first two weeks, exactly as you say. Three tests had timeouts tuned to the slow runners \
            and two had races that only showed on fast ones. After fixing them the suite is more stable than it \
            has ever been.
            """),
        SampleComment(2, "chen.w", 10, after: 190, """
            Good. Those races were real bugs all along, the slow machines were just hiding them.
            """),
        SampleComment(0, "rue", 5, after: 240, "Did the coffee machine get faster too?"),
        SampleComment(1, "marta_k", 17, after: 262, "No, but it now has a very warm neighbour and the milk goes off quicker. We're looking into it."),
        SampleComment(0, "alphonse", 2, after: 1_310, """
            Late to this, but thank you for writing down the boring parts: the VLAN, the fallback, the calendar \
            reminder, the label on the plug. Posts like this usually skip straight to the graph.
            """),
        SampleComment(1, "marta_k", 4, after: 1_402, "Thanks! The boring parts are the parts that worked."),
        SampleComment(0, "ilse", 1, after: 2_880, "Bookmarking this for our next budget meeting."),
    ]
}
