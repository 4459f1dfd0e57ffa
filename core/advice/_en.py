"""English advice per subject (the parts of an :class:`~core.advice.Advice` are described
there). Written for English speakers, not translated from the Korean (``_ko``)."""

from __future__ import annotations

from core.advice._types import Advice
from core.taxonomy import Intent as I
from core.taxonomy import Subject as S

EN_ADVICE: dict[S, Advice] = {
    S.JOB_OFFER: Advice(
        name="job offers and salary negotiation",
        points=(
            "Decide your target and your walk-away number before any call, so you never end up negotiating against yourself.",
            "Compare the whole package, base, bonus, equity, sign-on, leave and level, not just the headline salary.",
            "Ask for one specific number with a short reason tied to market data or a competing offer, then stop talking.",
            "A polite, well-reasoned counter is normal; get the final terms in writing before you resign anywhere.",
        ),
        evidence=(
            "Write down the offer's base, bonus and equity next to two or three market figures for the same role and level.",
            "List your current total compensation and what you'd give up by leaving, such as an unpaid bonus or unvested stock.",
        ),
        people=(
            "A friend who has hired for this kind of role can tell you what a typical counter looks like.",
            "Ask the recruiter directly what's flexible in this offer: base, sign-on bonus, level or start date.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Counter once with a specific number a little above your target, backed by one or two market figures.",
                "If the base is fixed, ask for a sign-on bonus, a higher level or an early salary review instead.",
                "If they won't move above your walk-away number, decline politely and leave the door open.",
            ),
            I.PROBLEM_SOLVING: (
                "Pin down exactly where the offer falls short: base salary, level, equity, or the start date and notice period.",
                "Send the recruiter one clear counter covering that gap, with your number and a one-line reason.",
                "Before your next offer, set your walk-away number and gather market data early so a deadline can't rush you.",
            ),
            I.LEARNING: (
                "First understand how total compensation works: base, bonus, equity vesting, and how your level shapes future raises.",
                "Practise your counter out loud with a friend, including staying quiet after you say your number.",
                "You've got it when you can state your target, walk-away and reason in thirty seconds without apologising.",
            ),
            I.VALIDATION: (
                "It holds if your counter rests on market figures for the same role and level, not only on what you'd like.",
                "Check that you compared total compensation over a year or two, including vesting schedules and bonus conditions.",
                "Check that you'd happily accept your own number if they said yes straight away.",
            ),
            I.PLANNING: (
                "Today, put your target, your walk-away number and the offer's full breakdown into one table.",
                "This week, gather market data, rehearse your counter, and send it to the recruiter by email or call.",
                "Before you sign, get the final offer letter in writing, check every figure, and only then hand in your notice.",
            ),
            I.REFLECTION: (
                "What mattered most to you in this offer beyond the money, and did your ask reflect it?",
                "Where did you give ground too quickly or hold back from asking, and why?",
                "What would you prepare differently before your next salary conversation?",
            ),
        },
    ),
    S.INTERVIEW: Advice(
        name="job interviews",
        points=(
            "Prepare five or six stories from your real work in a situation, action, result shape; they'll cover most behavioural questions.",
            "In technical rounds, think out loud, ask clarifying questions and name trade-offs; interviewers score your reasoning, not just the answer.",
            "Research the team and the role so your questions at the end show you've thought about the actual job.",
            "Nerves are normal; a slow breath and a short pause before answering come across as composure, not weakness.",
        ),
        evidence=(
            "Reread the job description, mark the three skills it stresses most, and match a story from your work to each.",
            "Find out the interview format, number of rounds, coding test platform, live or take-home, from the recruiter or recent candidate reviews.",
        ),
        people=(
            "Ask a friend or colleague to run a mock interview and give you blunt feedback on your answers and pacing.",
            "If someone referred you, ask them what the team values and what its interviewers tend to dig into.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Do at least one timed mock interview out loud this week, ideally with someone who interviews candidates.",
                "Write your top five stories as short bullets, each with what you personally did and a result, with a number where you can.",
                "Prepare three specific questions about the team's work to ask the interviewer at the end.",
            ),
            I.PROBLEM_SOLVING: (
                "Replay your last interview and note the exact question where it went off track, and why.",
                "Rewrite that answer or re-solve that problem, then practise it out loud until it comes out cleanly.",
                "Before the next round, do a mock interview aimed at that weak spot, such as system design or conflict questions.",
            ),
            I.LEARNING: (
                "First understand what each round tests: behavioural for judgement and teamwork, coding for problem-solving, design for trade-offs.",
                "Practise timed problems while explaining your thinking aloud, because talking while solving is its own skill.",
                "You've got it when you can narrate a medium coding problem to a solution in about thirty minutes and tell any story in two.",
            ),
            I.VALIDATION: (
                "Check that each story has a clear situation, what you personally did, and a concrete result.",
                "It holds if you can explain your solution's time and space complexity and one alternative approach.",
                "Check that your answers fit this role's job description, not a generic version of you.",
            ),
            I.PLANNING: (
                "Today, list the interview rounds ahead and pick the stories and topics each one needs.",
                "This week, do two timed mock interviews and one full practice coding test on the platform they use.",
                "The day before, finalise your questions for them, check the time and route or video link, and stop cramming by evening.",
            ),
            I.REFLECTION: (
                "Which question made you hesitate, and what would a stronger answer have included?",
                "Did you talk about what you did, or mostly about what your team did?",
                "What did you learn about the role or company that changes how much you want the job?",
            ),
        },
    ),
    S.JOB_SEARCH: Advice(
        name="job search and résumés",
        points=(
            "Tailor your résumé to each target role by putting the skills its job posting stresses in your top bullets.",
            "Write each bullet as what you did and what changed, with a number where you can, not a list of duties.",
            "A referral or a direct note to the hiring team usually gets further than dozens of cold applications.",
            "Two or three finished, well-explained portfolio projects say more than ten half-built tutorial clones.",
        ),
        evidence=(
            "Count your applications, callbacks and interviews over the last month to see where your funnel breaks.",
            "Save five job postings you'd love and list the skills and keywords that show up in most of them.",
        ),
        people=(
            "Ask someone who screens résumés in your field to spend ten minutes on yours and tell you what they'd skip.",
            "Message a former classmate or colleague at a company you're targeting and ask whether they'd be comfortable referring you.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Narrow down to one or two target roles and rewrite your résumé for them before sending another application.",
                "Ask for referrals at your top five companies instead of applying cold to fifty.",
                "Polish one portfolio project with a clear write-up, a live demo or screenshots, and the decisions you made.",
            ),
            I.PROBLEM_SOLVING: (
                "Read your numbers: few callbacks points to your résumé or targeting, while callbacks without offers point to interviews.",
                "Rewrite the top third of your résumé around the target role's keywords and your strongest measurable result.",
                "Track every application in a simple sheet so within two weeks you can see whether the new résumé gets more callbacks.",
            ),
            I.LEARNING: (
                "First understand screening: a recruiter skims for role fit in seconds, and many companies filter with an applicant tracking system first.",
                "Practise turning duty lines into achievement bullets: the action, what changed, and a number.",
                "You've got it when a friend can glance at your résumé for ten seconds and name the role you're after.",
            ),
            I.VALIDATION: (
                "Check that the first half of your résumé shows the skills your target postings mention most often.",
                "It holds if every bullet says what changed because of you, not just what you were responsible for.",
                "Check that each portfolio project can be grasped in a minute: what it does, your part in it, and a demo or screenshots.",
            ),
            I.PLANNING: (
                "Today, pick your target role and save five job postings that fit it.",
                "This week, rewrite your résumé for that role and have one person who hires review it.",
                "This month, send ten tailored applications and five referral requests, then compare your callback rate with last month.",
            ),
            I.REFLECTION: (
                "Which applications got a response, and what did they have in common?",
                "Are you applying for the roles you actually want, or only the ones that feel safe?",
                "What's the one thing you want a hiring manager to remember after reading your résumé?",
            ),
        },
    ),
    S.PROMOTION: Advice(
        name="promotion and performance reviews",
        points=(
            "Learn your company's expectations for the next level and show evidence you already work at it, not just that you work hard.",
            "Keep a running log of your impact through the year so your self-evaluation isn't written from memory.",
            "Make your manager your advocate: agree on promotion goals explicitly and check progress in your 1:1s.",
            "A disappointing review is information; ask for specific examples and a concrete plan before you react.",
        ),
        evidence=(
            "Open your company's levelling guide and put an example from your own work next to each next-level expectation.",
            "Gather the results of your last two or three projects, metrics, launches and incidents you resolved, with dates.",
        ),
        people=(
            "Ask your manager directly what's missing between your current work and the next level, and who makes the decision.",
            "Talk to a peer who was promoted recently about what their case looked like and who backed it.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "In your next 1:1, ask your manager what concrete gap stands between you and the next level.",
                "Take on one piece of work with scope beyond your current level and agree up front on what success looks like.",
                "Start a brag document today and update it weekly with results, not tasks.",
            ),
            I.PROBLEM_SOLVING: (
                "Ask your manager for the specific examples behind your rating and which expectations you missed.",
                "Agree on two or three measurable goals for the next review cycle and write them down together.",
                "Review those goals with your manager every month so nothing in the next review comes as a surprise.",
            ),
            I.LEARNING: (
                "First understand how your company's levels differ, usually in scope, autonomy and the impact expected on others.",
                "Practise describing your work in terms of impact and next-level behaviours rather than tasks completed.",
                "You've got it when you can match every next-level expectation to a real example from the last six months.",
            ),
            I.VALIDATION: (
                "Check that every claim in your self-evaluation has a concrete example, a date and, where possible, a number.",
                "It holds if your examples show next-level scope, not just doing your current job very well.",
                "Check that your manager would describe your impact the same way you do in your self-review.",
            ),
            I.PLANNING: (
                "Today, go through the levelling guide and list the next-level expectations you already meet and the ones you don't.",
                "This week, bring that list to your 1:1 and agree on one or two promotion goals with your manager.",
                "This month, deliver on one visible goal and record the result in your brag document.",
            ),
            I.REFLECTION: (
                "What in this review surprised you, and what had you already sensed?",
                "Which of your contributions this year had the most impact, and did the people who decide promotions see it?",
                "Do you want the next level for the work it brings, or mainly for the title and pay?",
            ),
        },
    ),
    S.CAREER_CHANGE: Advice(
        name="changing fields or roles",
        points=(
            "Get specific about the target role by talking to people who do it before you pay for courses or a bootcamp.",
            "Your previous field is an asset; look for roles where that domain knowledge plus your new skills set you apart.",
            "Test the switch small first, with a side project, an internal transfer or part-time work, before quitting anything.",
            "Plan for money and time: know how many months of savings you have and what a realistic entry-level salary is.",
        ),
        evidence=(
            "Read ten job postings for the target role and list their most common skills next to the ones you already have.",
            "Write down your monthly expenses and savings so you know how long you could manage a lower salary or a study gap.",
        ),
        people=(
            "Have short coffee chats with two or three people who made the same switch and ask what they wish they'd known.",
            "If an internal move is possible, ask your manager or the target team's lead about a transfer or a trial project.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Start with a low-risk test: an internal transfer, a trial project in the new role, or one small portfolio project.",
                "Talk to three people already in the role to check that the day-to-day matches what you imagine.",
                "Only then commit to a bootcamp or degree, choosing one whose recent graduates' job outcomes you can verify.",
            ),
            I.PROBLEM_SOLVING: (
                "Pin down what's really blocking the switch: a missing skill, no proof of it, or not getting past résumé screens.",
                "Close that specific gap with a targeted project, a relevant certification, or an internal move that gives you the new title.",
                "Keep a bridge to your current field, like freelance or part-time work, so a slow transition doesn't become a crisis.",
            ),
            I.LEARNING: (
                "First understand what the new role does day to day and which of your current skills carry over.",
                "Practise the role's core skill on real problems, ideally ones from your old field that you know well.",
                "You've got it when someone working in that role reviews your work and says it's at a junior hire's level.",
            ),
            I.VALIDATION: (
                "Check that you've heard the hard parts of the role from people who do it and still want it.",
                "It holds if your savings cover the likely time it takes to land a first job in the new field.",
                "Check that your story links your old field to the new one in a way a hiring manager would find convincing.",
            ),
            I.PLANNING: (
                "This week, write a one-paragraph description of the target role and list the skill gaps between you and it.",
                "This month, talk to three people in that role and start one project that proves a key skill.",
                "Within three months, apply for an internal transfer or first roles, using that project and your old-field story.",
            ),
            I.REFLECTION: (
                "What exactly pulls you toward the new field, and what are you hoping to leave behind?",
                "Which parts of your current work do you enjoy and want to keep in your next role?",
                "If the switch took twice as long as you planned, would you still want it?",
            ),
        },
    ),
    S.NETWORKING: Advice(
        name="networking and finding mentors",
        points=(
            "Networking works best as small, specific, generous contact over time, not a burst of LinkedIn requests when you need a job.",
            "A good cold message is short, says why you chose that person, and asks for one small, easy thing.",
            "Look for mentors a few years ahead of you; they remember your stage and are easier to reach than famous names.",
            "Follow up and tell people how their advice turned out; that's what turns one coffee chat into a relationship.",
        ),
        evidence=(
            "List ten people you already know in your field, including former classmates and colleagues, and when you last spoke to each.",
            "Find two meetups, communities or conferences, local or online, where people in your target role actually show up.",
        ),
        people=(
            "Ask a colleague you trust to introduce you to one person they think you should meet.",
            "Reach out to someone a few years ahead of you whose work you admire and ask for a twenty-minute chat.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "This week, send one short, personal message to someone a few years ahead of you with one specific question.",
                "Go to one meetup or community event and aim for two real conversations rather than a pile of contacts.",
                "Reconnect with a former colleague or classmate before you need anything from them.",
            ),
            I.PROBLEM_SOLVING: (
                "Reread your unanswered messages: were they long, generic, or asking for too much, like a referral or ongoing mentorship?",
                "Rewrite them in three sentences with a specific reason you picked that person and one small question.",
                "Keep a simple list of contacts and follow-ups so you check in every few months, not only when you need something.",
            ),
            I.LEARNING: (
                "First understand that networking runs both ways: people help those who are specific, easy to help and grateful.",
                "Practise writing cold messages and a two-sentence introduction of yourself until they feel natural.",
                "You've got it when people reply, and one of them later introduces you to someone or passes on an opportunity.",
            ),
            I.VALIDATION: (
                "Check that your message says who you are, why them, and one clear ask, all in under a hundred words.",
                "It holds if your ask is easy to say yes to, like one question or twenty minutes, not a referral on first contact.",
                "Check that you offer something back, even if it's just sharing what you did with their advice.",
            ),
            I.PLANNING: (
                "Today, list five people you'd like to learn from and write one specific question for each.",
                "This week, send two of those messages and sign up for one meetup or online community event.",
                "This month, have two conversations and send each person a short follow-up about what you tried.",
            ),
            I.REFLECTION: (
                "Who has helped your career most so far, and how did that relationship start?",
                "What makes reaching out feel hard for you, and how realistic is that worry?",
                "What could you offer the people you reach out to, even at your stage?",
            ),
        },
    ),
    S.MANAGER: Advice(
        name="working with your manager",
        points=(
            "Much friction with a manager comes from unclear expectations, so agree explicitly on priorities, deadlines and what done looks like.",
            "Learn how your manager likes to be updated; short updates sent before they ask often ease micromanagement.",
            "In your 1:1, raise a problem as a specific situation and its effect on your work, not as a verdict on their character.",
            "If things stay harmful after honest attempts, it's reasonable to talk to HR or a skip-level manager, or to plan a move.",
        ),
        evidence=(
            "Write down three recent situations that went badly: what was asked, what you did, and what happened next.",
            "Note when and how your manager checks in or takes over, to spot the pattern behind it.",
        ),
        people=(
            "A colleague who has worked with this manager longer can tell you what they care about and how they like to be approached.",
            "If things aren't improving, a skip-level manager or an HR partner can help you think through your options.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Ask your manager for a short conversation to agree on your top three priorities and how often they want updates.",
                "Start sending a brief weekly written update before they ask, covering progress, risks and next steps.",
                "If the micromanaging continues, bring one specific example to your 1:1 and propose how to handle it next time.",
            ),
            I.PROBLEM_SOLVING: (
                "Find the pattern behind the check-ins or takeovers, such as a slipped deadline, a high-visibility project or pressure from their own boss.",
                "Raise it in your next 1:1 with one concrete example, its effect on your work, and a proposal for next time.",
                "Confirm what you agreed in a short follow-up message and revisit it with your manager in a few weeks.",
            ),
            I.LEARNING: (
                "First understand your manager's goals and pressures, especially what their own boss judges them on.",
                "Practise giving upward feedback using situation, behaviour and impact, calmly and about one specific moment.",
                "You've got it when your 1:1s cover your priorities and blockers, and surprises on either side become rare.",
            ),
            I.VALIDATION: (
                "Check that you've asked your manager directly what good work looks like, rather than guessing.",
                "It holds if your concern is about specific behaviours you can describe, not only a sense that they dislike you.",
                "Check that you've given a new way of working a fair few weeks before deciding the relationship can't work.",
            ),
            I.PLANNING: (
                "Today, write your own agenda for the next 1:1: your priorities, one blocker and one thing you'd like to work differently.",
                "This week, hold that 1:1 and send your manager a short written summary of what you both agreed.",
                "This month, send weekly updates, note how things change, and decide whether to keep going or raise it with a skip-level.",
            ),
            I.REFLECTION: (
                "What does your manager seem to be worried about when they check in or step in?",
                "Which parts of this friction are within your control, and which aren't?",
                "What would a good working relationship with this manager look like, and is it possible here?",
            ),
        },
    ),
    S.RECOGNITION: Advice(
        name="credit and recognition",
        points=(
            "Recognition rarely happens by itself; people credit what they can see, so making your work visible is part of the job, not bragging.",
            "When someone takes credit for your work, assume a misunderstanding first and correct the record calmly and in writing before escalating.",
            "Show impact as outcomes, like hours saved, incidents avoided or users helped, rather than a list of tasks you did.",
            "Invisible work such as reviews, mentoring and firefighting counts, but only once you name it and tie it to what the team cares about.",
        ),
        evidence=(
            "Gather the messages, docs, commits or meeting notes that show what you contributed and when, in date order.",
            "Write down two or three outcomes of your work with a number each, such as hours saved or tickets closed.",
        ),
        people=(
            "Your manager should hear about it in your next 1:1, framed as wanting your work to be visible rather than as a complaint.",
            "A trusted peer who saw the work can tell you honestly how it looked from outside, and may back you up.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Start a short weekly note to your manager listing what you shipped and its effect; it's the most reliable way to be seen.",
                "If someone presented your work as theirs, talk to them privately first and agree how you'll both credit it next time.",
                "Credit others by name in meetings and channels; teams that name contributions tend to name yours too.",
            ),
            I.PROBLEM_SOLVING: (
                "Check what actually happened: was your name left off by mistake, or was the credit claimed on purpose in the meeting, email or review?",
                "Correct the record lightly and factually, for example with a follow-up message adding details of the part you built and a link to it.",
                "Prevent a repeat by agreeing up front who presents what, and by putting your name on the docs, demos and updates you own.",
            ),
            I.LEARNING: (
                "Understand first that managers judge impact from what reaches them: updates, demos, reviews and what others say about you.",
                "Practise turning tasks into impact statements: what changed, for whom and by how much, one line per piece of work.",
                "You'll know it's working when your manager can describe your last project's impact without you prompting them.",
            ),
            I.VALIDATION: (
                "Check that your claim is specific: the part you did, the date, and an artefact someone else can open.",
                "It holds if a neutral colleague reading your summary would find it fair and see that it doesn't erase anyone else's part.",
                "Check that you're asking for something concrete, like a mention in your review or presenting the next demo, not just an apology.",
            ),
            I.PLANNING: (
                "Today, start a brag document listing your last three months of work with one outcome next to each item.",
                "This week, bring the top two items to your 1:1 and ask your manager how they'll show up in your review.",
                "This month, volunteer to demo or write up one piece of your work for the wider team.",
            ),
            I.REFLECTION: (
                "What recognition do you actually want: a thank-you, a mention in your review, a promotion case, or simply fairness?",
                "Which of your recent contributions did nobody see, and why didn't they reach the people who decide?",
                "How much of this hurt comes from this one incident, and how much from a longer pattern of being overlooked?",
            ),
        },
    ),
    S.TEAM_CONFLICT: Advice(
        name="conflict in a team",
        points=(
            "Most team conflict comes from unclear goals, roles or priorities, so separate the disagreement from the person before you act.",
            "Talk to the colleague directly and privately first; going to the manager or the group chat first usually hardens positions.",
            "Describe specific behaviour and its effect, like a review that sat for four days, instead of labels such as lazy or difficult.",
            "Escalate when a direct conversation hasn't worked or when there's disrespect, and bring facts to your manager rather than a verdict.",
        ),
        evidence=(
            "Write down two or three concrete incidents with dates: what was said or done, and what it cost the team's work.",
            "Check the shared facts first: who owns what on the board, the agreed deadline, and what was decided in writing.",
        ),
        people=(
            "Have a calm, private conversation with the colleague themselves before anyone else gets involved.",
            "A trusted teammate or your manager can give you a second view on whether you're reading the situation fairly.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Ask the colleague for a short private chat, open with the goal you share, then name one specific issue you'd like to sort out.",
                "If uneven workload is the problem, propose making owners explicit on the team board so gaps show up without anyone being blamed.",
                "If talking directly changes nothing within a couple of weeks, take it to your manager with examples and a suggested fix.",
            ),
            I.PROBLEM_SOLVING: (
                "Pin down what the conflict is really about: a goal, a role, a priority, a working style, or one bad moment between you.",
                "Have the one-to-one: share what you observed and its effect on the work, hear their side, then write down one agreement together.",
                "Prevent a repeat by agreeing team norms, like review turnaround or who makes design calls, and revisiting them in the retro.",
            ),
            I.LEARNING: (
                "Learn first to tell task conflict about the work from relationship conflict about each other; the first is healthy, the second needs care.",
                "Practise describing a disagreement as observation, effect and request, without blame words, on something low-stakes first.",
                "You've got it when you can disagree with a teammate in a meeting and still work smoothly with them the next day.",
            ),
            I.VALIDATION: (
                "Check that your account would still sound fair if the colleague read it, with their constraints and pressures included.",
                "It holds if you're asking for a change in behaviour or process, not for the other person to admit they were wrong.",
                "Check that you've spoken to them directly before escalating, unless it involves harassment or anything that feels unsafe.",
            ),
            I.PLANNING: (
                "Today, write down the two or three incidents and the one change in how you work together that you'd actually like to see.",
                "This week, have the private conversation and send a short note afterwards recapping what you both agreed.",
                "This month, check whether things improved; if not, raise it with your manager or in the team retro, using your notes.",
            ),
            I.REFLECTION: (
                "What did your colleague probably need or fear in that moment?",
                "Which part of the tension did you contribute to, even without meaning to?",
                "If this were resolved a month from now, what would a normal working day with this person look like?",
            ),
        },
    ),
    S.LEADERSHIP: Advice(
        name="leading a team",
        points=(
            "Your job shifts from doing the work to getting it done through others, so your output is now the team's output.",
            "Delegate outcomes with context and a clear owner, not just tasks, and resist taking the hard parts back yourself.",
            "Regular 1:1s and timely, specific feedback prevent most of the problems new leads end up firefighting.",
            "Make decisions visible by writing down what was decided, by whom and why, so the team isn't left guessing.",
        ),
        evidence=(
            "List what each person on the team is working on, what they want to grow in, and where they're blocked.",
            "Look at where your own week goes: how many hours are hands-on work versus 1:1s, reviews and unblocking others.",
        ),
        people=(
            "Each team member, in a 1:1 where you mostly listen, can tell you what's helping them and what's getting in their way.",
            "A more experienced lead or your own manager can share how they handled their first year of leading a team.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Start weekly 30-minute 1:1s with everyone on the team, driven by their agenda rather than status updates.",
                "Pick one piece of work you'd normally do yourself and delegate it with the goal, the constraints and a check-in date.",
                "Agree with your manager what success looks like for your team this quarter, so you know what to protect.",
            ),
            I.PROBLEM_SOLVING: (
                "Pin down what's stuck: unclear priorities, one overloaded person, a skill gap, or you as the bottleneck on decisions and approvals.",
                "Act on the biggest one: reprioritise with your manager, redistribute work, pair people up, or hand off approvals you're holding.",
                "Prevent it by keeping priorities and owners visible on the team board and checking them in a short weekly team meeting.",
            ),
            I.LEARNING: (
                "Understand first the difference between managing work, meaning priorities and delivery, and leading people, meaning growth, trust and feedback.",
                "Practise giving one piece of specific feedback a week, praise or correction, naming a behaviour and its effect on the team.",
                "Check yourself by asking each person in 1:1s what you should start, stop and keep doing as their lead.",
            ),
            I.VALIDATION: (
                "Check that each person knows their top priority and could explain why it matters without asking you.",
                "It holds if the team can make routine decisions and keep delivering when you're away for a few days.",
                "Check that your feedback and praise are spread fairly, not only going to the loudest people or those closest to you.",
            ),
            I.PLANNING: (
                "Today, book recurring 1:1s with every team member and write down three questions for the first round.",
                "This week, write a one-page team charter: goals for the quarter, who owns what, and how decisions get made.",
                "This month, delegate one area fully and run a short retro asking the team how your leading is going.",
            ),
            I.REFLECTION: (
                "Which tasks are you still holding onto, and what would it take to trust someone on the team with them?",
                "What did the best lead you ever had do that you could try with your own team this week?",
                "When the team struggled recently, what did they need from you that they didn't get?",
            ),
        },
    ),
    S.ONBOARDING: Advice(
        name="starting a new job or team",
        points=(
            "Nobody expects much output in your first weeks; they're for learning the people, the product and how work flows on this team.",
            "Try on your own for a short while, then ask questions early and in batches, and write the answers where the next newcomer can find them.",
            "Agree with your manager what good looks like at 30, 60 and 90 days, or by the end of probation.",
            "Take on a small first task early, like a doc fix or a starter ticket, to learn the team's process end to end.",
        ),
        evidence=(
            "Read the onboarding docs, team wiki, org chart and the last few weeks of meeting notes to see what the team cares about right now.",
            "Write down what your manager expects from your first 90 days, and ask directly if it isn't written anywhere.",
        ),
        people=(
            "Your onboarding buddy or a friendly teammate can explain the unwritten rules and who to ask about what.",
            "Your manager, in an early 1:1, can tell you what they'd like you to have done by the end of your first month or probation.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Ask your manager this week for a 30-60-90 day picture of what good looks like, and write it down together.",
                "Book short coffee chats with each teammate and the people your team works with most, asking what they wish newcomers knew.",
                "Pick up a small starter task that takes you through the team's whole flow, from request to review to done.",
            ),
            I.PROBLEM_SOLVING: (
                "Name what's actually blocking you: missing access, no clear first task, a codebase or process you can't map, or hesitation to ask.",
                "Bring a short list of those blockers to your manager or buddy and ask for one answer or one person to go to for each.",
                "Keep a running onboarding doc of answers and gotchas, and share it so the next new hire starts faster.",
            ),
            I.LEARNING: (
                "Understand first what your team's product does for its users and how a piece of work moves from request to done.",
                "Practise by tracing one recent feature or ticket end to end, reading the code, docs and discussions around it.",
                "Check yourself by explaining the system or process back to a teammate and asking what you missed.",
            ),
            I.VALIDATION: (
                "Check that you and your manager would describe your first-90-day goals in the same words.",
                "It holds if your questions show you tried first: what you looked at, what you think, and where exactly you're stuck.",
                "Check that you're getting feedback now, rather than waiting for the probation review to learn how you're doing.",
            ),
            I.PLANNING: (
                "Today, start an onboarding doc and add your open questions, key people and useful links as you find them.",
                "This week, have coffee chats with your teammates and agree 30-60-90 day goals with your manager.",
                "This month, finish your first real task end to end and ask your manager for feedback on your first weeks.",
            ),
            I.REFLECTION: (
                "What surprised you most about how this team works compared with your last job or school?",
                "Which questions have you held back, and what are you worried asking them would say about you?",
                "Who on the new team has helped you most so far, and how could you return the favour?",
            ),
        },
    ),
    S.REMOTE_WORK: Advice(
        name="remote and hybrid work",
        points=(
            "Remote work runs on writing, so clear written updates and recorded decisions matter more than how fast you reply.",
            "Visibility doesn't come from a green online dot; it comes from sharing progress, demos and decisions where the team can see them.",
            "Protect the line between home and work with a set start and end to your day and a place where work lives.",
            "Isolation is common when you work from home, so schedule human contact on purpose instead of waiting for it to happen.",
        ),
        evidence=(
            "Map your team's working hours and time zones to find the overlap window for live conversations.",
            "Look back over two weeks at when you actually started and stopped work, and on how many days you really talked to a colleague.",
        ),
        people=(
            "Your manager can agree with you on expected reply times, core hours and how they'd like to hear about your progress.",
            "A teammate you rarely talk to could become a regular virtual coffee or pairing partner, which helps a lot with isolation.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Post a short written update in the team channel at the end of each day or week: done, next, blocked.",
                "Agree core overlap hours and expected reply times with your team, so you can log off in the evening without guilt.",
                "Book one recurring call a week that isn't about status, like a virtual coffee or a pairing session.",
            ),
            I.PROBLEM_SOLVING: (
                "Pin down what's going wrong: messages lost across time zones, feeling invisible, lonely days, or work creeping into your evenings.",
                "Fix the biggest one first: set overlap hours, start written updates, schedule regular calls, or add a firm end-of-day ritual.",
                "Keep it from drifting back by writing down your team's async norms and reviewing them in a retro every few months.",
            ),
            I.LEARNING: (
                "Understand first how async and live communication differ: what belongs in a doc or thread, and what really needs a call.",
                "Practise writing messages that stand alone, with the context, the question, the options and when you need an answer.",
                "You've got it when teammates in other time zones can act on your message without a follow-up question.",
            ),
            I.VALIDATION: (
                "Check that someone could tell what you did this week from the team channel alone.",
                "It holds if your messages can be answered without a meeting because they include context and a deadline.",
                "Check that on most days you have a clear end time and at least one real conversation with a colleague.",
            ),
            I.PLANNING: (
                "Today, set a fixed start and end time for your workday and put them in your calendar and chat status.",
                "This week, agree overlap hours and reply expectations with your team, and post your first written weekly update.",
                "This month, set up a recurring coffee or pairing slot and, if you're hybrid, plan your office days around when the team is in.",
            ),
            I.REFLECTION: (
                "On which days did working remotely feel good, and what was different about them?",
                "Who would notice if you went quiet online for a week, and is that enough connection for you?",
                "Where has work leaked into your home life, and which boundary would matter most to win back?",
            ),
        },
    ),
    S.PRESENTATION: Advice(
        name="presentations and public speaking",
        points=(
            "Start from the one message you want the audience to remember, and cut every slide that doesn't support it.",
            "The first 30 seconds and the closing slide matter most, so script and rehearse those almost word for word.",
            "Rehearse out loud, standing, with a timer, at least twice; reading your slides silently isn't practice.",
            "Nerves are normal and mostly invisible to the audience; slow breathing and a prepared opening line settle them faster than forcing confidence.",
        ),
        evidence=(
            "Find out who's in the audience, what they already know, how long you have, and what they should decide or do afterwards.",
            "Record one full rehearsal and note where you ran long, rushed, or lost the thread of the talk.",
        ),
        people=(
            "A friendly colleague can watch a rehearsal and tell you the one thing they remembered and where they got lost.",
            "The organiser, your manager or your advisor can tell you what the audience expects and which questions usually come up.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Write your main message in one sentence and build the talk as three points that support it.",
                "Rehearse the full talk out loud twice with a timer, and trim it until it fits with a minute to spare.",
                "Prepare answers to the three questions you most dread, and keep a backup slide for the hardest one.",
            ),
            I.PROBLEM_SOLVING: (
                "Work out what's going wrong: an unclear message, too many slides, running over time, a shaky demo, or nerves taking over.",
                "Fix that directly: one idea per slide, timed rehearsals, a recorded backup of the demo, or a scripted opening line.",
                "Before your next talk, do a full dress rehearsal with the real equipment and one listener who'll give honest feedback.",
            ),
            I.LEARNING: (
                "Understand first that a talk is built around what the audience needs from you, not around all the material you have.",
                "Practise in low-stakes settings: a two-minute update in a team meeting, a lightning talk, or explaining your work to a friend.",
                "Check your progress by recording yourself and comparing pace, filler words and clarity with your previous recording.",
            ),
            I.VALIDATION: (
                "Check that someone who saw only your title and closing slide would know your main message.",
                "It holds if the full talk fits the time slot in rehearsal with at least a minute left for questions.",
                "Check that each slide carries one idea, with text the back row could read at a glance.",
            ),
            I.PLANNING: (
                "First, write the one-sentence message and a three-point outline on a single page.",
                "Next, draft the slides and rehearse out loud twice with a timer, cutting whatever runs over.",
                "Then, the day before, do a dress rehearsal on the real setup and write answers to the questions you expect.",
            ),
            I.REFLECTION: (
                "What did the audience actually take away, and how close was that to what you meant to say?",
                "At which moment of the talk did you feel most nervous, and what helped you get through it?",
                "What's one thing you'd keep and one thing you'd change for your next presentation?",
            ),
        },
    ),
    S.PROCRASTINATION: Advice(
        name="procrastination and focus",
        points=(
            "Procrastination is usually a way of avoiding a feeling like dread, boredom or fear of doing it badly, not a sign of laziness.",
            "Make the first step so small it feels almost silly, like opening the document and writing one rough sentence.",
            "Shape your surroundings for focus: phone in another room, one tab open, and a fixed block of time for the task.",
            "A missed day isn't failure; restart with the next tiny step instead of waiting for the perfect plan or the right mood.",
        ),
        evidence=(
            "For two days, note each time you put the task off, what you did instead, and what you felt just before.",
            "Check your phone's screen-time report to see which apps pull you away and at what times of day.",
        ),
        people=(
            "A friend or colleague can be your accountability partner: tell them what you'll finish by when and ask them to check in.",
            "If putting things off comes with low mood or constant worry, talking to someone you trust or a counsellor can really help.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Pick the one task you're avoiding most and do just its first five minutes right now, with your phone out of reach.",
                "Block a 50-minute focus slot for that task in your calendar tomorrow morning, with notifications switched off.",
                "Tell someone what you'll have done by Friday, so you have a gentle outside deadline.",
            ),
            I.PROBLEM_SOLVING: (
                "Notice what you're avoiding in the task: not knowing where to start, fear it won't be good enough, or plain boredom.",
                "Match the fix to it: write the very first physical action, allow a deliberately rough draft, or pair the dull part with a timer and a small reward.",
                "Keep it from coming back with a shutdown habit: before you stop for the day, write tomorrow's first small step.",
            ),
            I.LEARNING: (
                "Understand first that putting things off is a mood-management habit: it brings quick relief now and more stress later.",
                "Practise focus in short timed blocks, such as 25 minutes on and 5 off, and lengthen them gradually.",
                "Check your progress by tracking how many focus blocks you complete each day over two weeks.",
            ),
            I.VALIDATION: (
                "Check that your plan's first step is something you could start within two minutes without deciding anything else.",
                "It holds if your schedule leaves room for rest and real life; plans packed too tightly tend to trigger more avoidance.",
                "Check that your phone and other distractions are physically out of reach during your focus blocks.",
            ),
            I.PLANNING: (
                "Today, choose the one task that matters most and write its first two-minute step on a sticky note.",
                "This week, do one focus block at the same time each day and tick off each one you complete.",
                "This month, settle into a routine you keep most days: a fixed start time, a phone-free first hour and an end-of-day note.",
            ),
            I.REFLECTION: (
                "What feeling shows up right before you put this task off?",
                "When did you last get into a task easily, and what was different about that day?",
                "What would you say to a friend who was stuck putting off this same task?",
            ),
        },
    ),
    S.THESIS: Advice(
        name="thesis and research",
        points=(
            "Narrow your research question until you can answer it with the time and data you actually have, and get your advisor to agree to it.",
            "Start writing early: a running literature notes file and a rough methods section save you weeks at the end.",
            "Meet your advisor on a regular rhythm with a one-page update, so feedback arrives early instead of at the draft deadline.",
            "Report messy or null results honestly with their limitations; they're findings, not failures to hide.",
        ),
        evidence=(
            "Pull your department's deadlines, required chapter structure and formatting rules, plus two recent theses from your lab, before planning anything.",
            "List what you already have: experiments run, results tables, and which chapters exist as drafts, each with a rough percentage done.",
        ),
        people=(
            "Your advisor comes first; ask what a finished thesis looks like to them and what they'd be happy to see cut.",
            "A senior student in your lab who defended recently can tell you how long each stage really took and what the committee asked.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Book a meeting with your advisor and bring a one-page chapter outline with your research question, so you agree on scope before writing more.",
                "Narrow your research question until the experiments you can finish this semester clearly answer it.",
                "Draft the results chapter first from the data you already have, then shape the introduction around what you actually found.",
            ),
            I.PROBLEM_SOLVING: (
                "Pin down exactly where you're stuck: the research question, an experiment that won't work, or a chapter you can't write.",
                "Write one page on that specific block and take it to your advisor or a labmate for a focused 30-minute discussion.",
                "Keep a research log of each experiment's setup and result, so the next stall is easier to trace and explain.",
            ),
            I.LEARNING: (
                "Start by reading the ten core papers in your area closely, noting each one's question, method and main limitation.",
                "Practise by writing a two-page related-work section that groups those papers by approach instead of summarising them one by one.",
                "Check you've got it by explaining your research gap and how your method addresses it to a labmate in five minutes.",
            ),
            I.VALIDATION: (
                "It holds if your research question fits in one sentence and every chapter clearly helps answer it.",
                "Check that your results actually support the claims in your abstract, with limitations and failed experiments stated honestly.",
                "Check that your advisor has read the latest draft and that the formatting matches your department's thesis guidelines.",
            ),
            I.PLANNING: (
                "Today, write a one-page chapter outline with your research question and the key result each chapter must deliver.",
                "This week, agree on that outline with your advisor and set a draft date for each chapter, working back from the submission deadline.",
                "This month, finish one full chapter draft, ideally methods or results, and send it to your advisor for comments.",
            ),
            I.REFLECTION: (
                "What has this stage of the research taught you about your question that you didn't know when you started?",
                "When your advisor's feedback stung, which part of it was really about the work rather than about you?",
                "Which experiment or chapter took far longer than planned, and how would you scope it differently next time?",
            ),
        },
    ),
    S.EXAMS: Advice(
        name="exams and certifications",
        points=(
            "Work from the official exam outline and past papers, because they show what's actually tested and how questions are asked.",
            "Timed practice with past papers beats rereading notes; the mistakes you make against the clock are your real study list.",
            "Keep a wrong-answer notebook and revisit it every few days until those questions come out right.",
            "Exam nerves are normal; good sleep and a rehearsed exam-day routine help more than last-minute cramming, and a failed attempt is just data for the retake.",
        ),
        evidence=(
            "Get the official exam outline and the last few years' past papers, and mark which topics come up most often.",
            "Sit one timed mock exam now and note your score per section, so you know the real gap to the pass mark.",
        ),
        people=(
            "Someone who passed the same exam recently can tell you which books or courses were worth it and what surprised them on the day.",
            "A study group of two or three people lets you quiz each other on weak sections and keeps everyone on schedule.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Sit a timed past paper this week and build your study plan around the sections where you lost the most marks.",
                "Switch from rereading notes to practice questions, and keep a wrong-answer notebook you review every few days.",
                "If the exam date leaves too little time for your weakest sections, consider booking a later sitting rather than going in underprepared.",
            ),
            I.PROBLEM_SOLVING: (
                "Break down your last mock or failed attempt by section and see whether marks went on knowledge gaps, timing or misread questions.",
                "Drill that weakness directly: targeted questions on the weak topic, or full timed sections if running out of time was the issue.",
                "Sit a timed mock every week or two and track section scores, so a slipping area shows up well before exam day.",
            ),
            I.LEARNING: (
                "First go through the official outline and learn each section's core concepts well enough to explain them without notes.",
                "Then practise past questions topic by topic, checking every wrong answer against the official or model explanation.",
                "Check you've got it by scoring comfortably above the pass mark on a full mock exam under real time limits.",
            ),
            I.VALIDATION: (
                "It holds if your study plan covers every section of the official outline, weighted by how often each appears in past papers.",
                "Check that your recent timed mock scores clear the pass mark with some margin, not just your untimed practice.",
                "Check the exam-day logistics: ID, test centre or online proctoring setup, allowed materials and the time per section.",
            ),
            I.PLANNING: (
                "Today, register for or confirm your exam date and sit one timed mock to get a baseline score per section.",
                "This week, write a section-by-section study schedule up to the exam date, with your weakest sections first.",
                "This month, finish one full pass through every section and sit a second timed mock to compare with your baseline.",
            ),
            I.REFLECTION: (
                "Which topics or question types cost you the most marks, and was that down to knowledge, timing or nerves?",
                "Which study habit actually moved your mock scores, and which only felt productive?",
                "If you sat this exam again, what would you do differently in the final week before it?",
            ),
        },
    ),
    S.LEARNING_TECH: Advice(
        name="learning a new language or framework",
        points=(
            "Pick one language or framework tied to a real goal, a job posting or a project, rather than sampling several at once.",
            "Do the official tutorial once, then move quickly to a small project of your own, where most of the real learning happens.",
            "Read the official docs and the compiler or runtime error messages closely; they teach the idioms tutorials skip.",
            "Learn the core ideas underneath, like ownership in Rust or state in React, so the next framework comes much faster.",
        ),
        evidence=(
            "Read five job postings you'd apply to, or the project you want to build, and list which languages, frameworks and versions keep coming up.",
            "Write down what you can already build without a tutorial open, so you can see the actual gap to what you want to make.",
        ),
        people=(
            "A developer who uses this framework every day can tell you which parts matter in real work and which the tutorials oversell.",
            "The framework's community forum, Discord or a local study group can review your first project and unblock stuck points.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Finish the official tutorial once, then build a small project of your own, like a to-do API or a CLI tool, without following a guide.",
                "Choose what to learn next from the job postings or project you care about, not from what's trending this month.",
                "Once your project runs, post it in the framework's community or a study group and ask for a code review.",
            ),
            I.PROBLEM_SOLVING: (
                "Work out whether you're stuck on the language itself, the framework's concepts, or tooling like the build setup and package manager.",
                "Build the smallest example that shows the confusing part, such as one component or one borrow, and read the official docs on exactly that.",
                "Keep a notes file with each concept that tripped you up and a tiny working example, so you can find it next time.",
            ),
            I.LEARNING: (
                "First understand the tool's core model, such as ownership in Rust, components and state in React, or pods and services in Kubernetes.",
                "Then build one small project end to end, including tests and a README, without copying a tutorial line by line.",
                "Check you've got it by adding a feature to your project, or fixing a bug in someone else's, using only the docs.",
            ),
            I.VALIDATION: (
                "It holds if you can build a small feature from scratch without a tutorial open.",
                "Check that your code follows the ecosystem's idioms by running its standard linter and formatter and understanding every warning.",
                "Check that the versions and tools you're learning match the job postings or project you're aiming for.",
            ),
            I.PLANNING: (
                "Today, pick one project to build with the framework and write down its three core features.",
                "This week, finish the official getting-started guide and get an empty skeleton of your project building and running.",
                "This month, push a first working version of the project to GitHub with a README on what it does and what you learned.",
            ),
            I.REFLECTION: (
                "Which concept only clicked once you built something with it, rather than when you read about it?",
                "Where did you spend time on tutorials or videos that didn't move your own project forward?",
                "If you started learning this framework again today, what would you tell yourself to do differently?",
            ),
        },
    ),
    S.DEBUGGING: Advice(
        name="debugging",
        points=(
            "Reproduce the bug reliably first, ideally as a minimal failing test, because a bug you can't trigger you can't confirm fixed.",
            "Read the full error message and stack trace, then test one hypothesis at a time with logs or a debugger.",
            "Narrow the search mechanically: find the breaking change with git bisect, or halve the input until the failure still happens.",
            "Once it's fixed, keep the failing test as a regression test so the same bug can't quietly come back.",
        ),
        evidence=(
            "Collect the exact error message, the full stack trace, and the inputs, environment and versions where it fails and where it doesn't.",
            "Find the last commit or deploy where it worked and list what changed since: code, dependencies, config or data.",
        ),
        people=(
            "Explaining the bug line by line to a teammate, or even a rubber duck, often exposes the assumption you never checked.",
            "The person who last changed that module, found with git blame, can tell you what the code is meant to do.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Write a minimal failing test or script that reproduces the bug every time, before you change any code.",
                "If it used to work, run git bisect between the last good and first bad commit to find the change that broke it.",
                "Set a breakpoint or add a log line just before the failure and check which assumption about the values is wrong.",
            ),
            I.PROBLEM_SOLVING: (
                "Reproduce the failure and read the full stack trace to find the first frame in your own code where things go wrong.",
                "Test one hypothesis at a time with a breakpoint or log line, and fix the root cause rather than patching the symptom.",
                "Commit the reproduction as a regression test alongside the fix, so CI catches it if it ever returns.",
            ),
            I.LEARNING: (
                "First learn to read stack traces and error messages closely, tracing each frame back to the line in your code.",
                "Then practise with your debugger's breakpoints, stepping and variable watches on a small bug you plant on purpose.",
                "Check you've got it by tracking down a real bug with a debugger or git bisect instead of scattering print statements.",
            ),
            I.VALIDATION: (
                "It holds if the original reproduction fails before your change and passes after it, every single run.",
                "Check that you can explain why the bug happened, and that your fix addresses that root cause rather than hiding the symptom.",
                "Check that the full test suite still passes and a regression test for this exact bug is committed.",
            ),
            I.PLANNING: (
                "First, write down the exact steps, input and environment that trigger the bug as a reproduction anyone on the team can run.",
                "Next, narrow it down with git bisect, logs or a debugger until you can name the line or commit responsible.",
                "Then merge the fix with a regression test and a short root-cause note in the ticket.",
            ),
            I.REFLECTION: (
                "Which assumption about the code turned out to be wrong, and why did you believe it?",
                "What clue was in the error message or logs from the start that you only noticed later?",
                "What test, log line or alert would have caught this bug sooner?",
            ),
        },
    ),
    S.CODE_REVIEW: Advice(
        name="code review",
        points=(
            "Keep pull requests small and focused, with a description of what changed and why, so reviewers can actually read them properly.",
            "Review the code, not the person: give the reason behind each comment and mark which ones block the merge and which are nits.",
            "Let linters and formatters settle style so human review time goes to correctness, design and tests.",
            "When a comment feels harsh, assume good intent, ask what change would resolve it, and move long debates to a quick call.",
        ),
        evidence=(
            "Reread the review thread and sort every comment into blocking issues, questions and style nits before you reply to any of them.",
            "Check your team's review guidelines, the CI results and a few recently merged PRs to see what reviewers here usually expect.",
        ),
        people=(
            "A senior engineer on your team can tell you the unwritten review norms and whether that reviewer's tone is normal here.",
            "A ten-minute call with the reviewer often settles what twenty comments on the PR couldn't.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Split your next large PR into smaller ones of a few hundred lines at most, each with a description of what changed and why.",
                "When replying to comments, fix the clear ones, ask about the unclear ones, and suggest a call for any thread that keeps growing.",
                "When reviewing, label each comment as blocking, suggestion or nit so the author knows what must change before merging.",
            ),
            I.PROBLEM_SOLVING: (
                "Work out what's actually stuck: a PR too big to review, a disagreement about design, or a comment whose tone hurt.",
                "Act on that directly: split the PR, propose a short call with the reviewer, or ask in a reply what change would resolve it.",
                "Agree with your team on a PR size limit, a PR template and comment labels so the same friction stops repeating.",
            ),
            I.LEARNING: (
                "First understand what review is for: catching bugs, spreading knowledge of the codebase and keeping design consistent, not proving who's smartest.",
                "Then review teammates' PRs, focusing on correctness and tests, and phrase each comment as a question or suggestion with a reason.",
                "Check you've got it when authors act on your comments without friction and your own PRs get approved in fewer rounds.",
            ),
            I.VALIDATION: (
                "It holds if your PR has a clear description, passes CI, and is small enough to review in about half an hour.",
                "Check that each of your review comments explains why, and that blocking issues are clearly separated from nits.",
                "Check that tests cover the changed behaviour and that every comment thread is resolved or answered before you merge.",
            ),
            I.PLANNING: (
                "Today, write a PR description for your current change covering what changed, why, and how to test it.",
                "This week, review two teammates' PRs and label every comment as blocking, suggestion or nit.",
                "This month, propose a PR template and a size guideline to your team and try them on every PR.",
            ),
            I.REFLECTION: (
                "Which review comment stung most, and which part of it actually made the code better?",
                "What made your last PR quick or slow to get approved?",
                "How would you have wanted the last comment you left on someone's PR to be phrased if it were on yours?",
            ),
        },
    ),
    S.SYSTEM_DESIGN: Advice(
        name="system design",
        points=(
            "Start from requirements and numbers, such as users, requests per second, data size and latency targets, before choosing any technology.",
            "Every design is a set of trade-offs, so write down what you're giving up, like consistency for availability or simplicity for scale.",
            "Prefer the simplest design that handles today's load with a clear path to scale, which is often a well-structured monolith and one database.",
            "Design for failure: decide what happens when a dependency is slow or down, and how you'll see it on your dashboards.",
        ),
        evidence=(
            "Gather the real numbers first: current and expected traffic, read/write ratio, data growth and the latency your users need.",
            "Measure where the current system actually hurts, using metrics, slow query logs or profiles, before you redesign anything.",
        ),
        people=(
            "The engineers who are on call for the current system know where it breaks and what a new design must not make worse.",
            "A senior engineer or architect can review your design doc and point out the failure modes and costs you haven't considered.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Write a short design doc with requirements, expected load and two candidate architectures, and compare their trade-offs in a table.",
                "Start with a modular monolith and one relational database unless you have a concrete scaling or team reason to split into services.",
                "Ask a senior engineer to review the design doc before you build, focusing on failure modes and data consistency.",
            ),
            I.PROBLEM_SOLVING: (
                "Find the actual bottleneck with metrics: slow database queries, a slow dependency, CPU, or contention on a shared resource.",
                "Apply the smallest change that addresses it, such as an index, a cache, a queue or a read replica, and measure again.",
                "Add a dashboard and alert for that bottleneck, and record the decision in an architecture decision record.",
            ),
            I.LEARNING: (
                "First understand the building blocks: databases and indexes, caching, queues, load balancing, and consistency versus availability.",
                "Then design a familiar system, like a URL shortener or a chat app, end to end with rough capacity estimates.",
                "Check you've got it by walking a senior engineer through your design's trade-offs and failure modes and defending each choice.",
            ),
            I.VALIDATION: (
                "It holds if every component traces back to a stated requirement and the design handles the expected load with headroom.",
                "Check that you've described what happens when each dependency fails or slows down, and how you'd detect it.",
                "Check that the trade-offs and rejected alternatives are written down, so reviewers can see why you chose this design.",
            ),
            I.PLANNING: (
                "First, write the requirements and load estimates on one page: users, requests per second, data size and latency targets.",
                "Next, draft a design doc with a diagram, two alternatives and their trade-offs, and get it reviewed.",
                "Then build the riskiest part as a small prototype and load test it before committing to the full design.",
            ),
            I.REFLECTION: (
                "Which requirement or number, had it been clear earlier, would have changed your design?",
                "What complexity did you add for scale you didn't actually need?",
                "Which failure mode surprised you in production, and what does it say about your assumptions?",
            ),
        },
    ),
    S.DEPLOYMENT: Advice(
        name="deployments, incidents and on-call",
        points=(
            "During an incident, restore service first, usually by rolling back, and dig into the root cause once users are no longer affected.",
            "Make deploys small, frequent and reversible, using feature flags or canary releases so a bad change reaches few users.",
            "Run blameless postmortems that ask what in the system allowed the failure, and track the action items until they're done.",
            "On-call should be sustainable: if pages regularly wreck your sleep, raise it with your lead, because noisy alerts and thin rotations are team problems.",
        ),
        evidence=(
            "Line up the incident timeline: the deploy or config change just before it, the error rate and latency graphs, and the first alert.",
            "Pull the last few months of deploys, rollbacks and pages to see how often changes fail and which alerts wake people for nothing.",
        ),
        people=(
            "In a live incident, bring in the incident commander or the on-call owner of the affected service right away instead of fixing it alone.",
            "A teammate who has done many on-call shifts can walk you through the runbooks and tell you which alerts really matter.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "If the problem started with a recent deploy, roll it back first and investigate once the error rate has recovered.",
                "Put risky changes behind a feature flag or release them to a small canary group before the full rollout.",
                "Write a blameless postmortem within a few days, with a timeline and two or three action items that each have an owner.",
            ),
            I.PROBLEM_SOLVING: (
                "Check the dashboards and recent deploys to confirm the impact and pinpoint what changed right before the errors began.",
                "Mitigate first by rolling back, switching off the feature flag or scaling up, and post status updates in the incident channel.",
                "After recovery, hold a postmortem and add the missing alert, test or CI check as a tracked action item.",
            ),
            I.LEARNING: (
                "First understand your pipeline end to end: how a commit moves through CI, build, staging and production, and how a rollback works.",
                "Then practise a rollback and a runbook in staging, or shadow an experienced engineer during their on-call shift.",
                "Check you've got it by handling a real deploy and a small incident yourself, with an experienced teammate on hand as backup.",
            ),
            I.VALIDATION: (
                "It holds if every deploy can be rolled back within minutes using a documented, tested procedure.",
                "Check that each alert is actionable, links to a runbook, and pages a human only when users are affected.",
                "Check that postmortem action items have owners and due dates, and that last quarter's items were actually closed.",
            ),
            I.PLANNING: (
                "Today, write down the rollback steps for your main service and confirm you have the access needed to run them.",
                "This week, test that rollback in staging and fix or delete the noisiest alert in your on-call rotation.",
                "This month, add a canary or feature-flag stage to your release pipeline and review how it went in a team retro.",
            ),
            I.REFLECTION: (
                "What was the first sign of trouble, and how long did it take before anyone noticed it?",
                "During the incident, what helped you stay calm and what made the stress worse?",
                "What change to the system, not to a person, would make this incident less likely to happen again?",
            ),
        },
    ),
    S.OPEN_SOURCE: Advice(
        name="open source contribution",
        points=(
            "Start with a project you actually use, so you already understand what it does and why a fix matters.",
            "Read CONTRIBUTING.md, the licence and a few recently merged pull requests before you write any code.",
            "Small, well-scoped pull requests linked to an issue get reviewed; big surprise rewrites usually don't.",
            "Maintainers are often unpaid volunteers, so clear descriptions, patience and polite follow-ups go a long way.",
        ),
        evidence=(
            "Check the repo's pulse: when the last PR was merged, how fast maintainers reply, and how many open PRs are waiting.",
            "Look through issues labelled good first issue or help wanted and note which ones nobody has claimed in the comments.",
        ),
        people=(
            "Ask in the project's Discord, Slack or discussions board which issue a newcomer could pick up this week.",
            "A colleague who has merged PRs upstream can look over your first one before you open it.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Pick a tool you use every week and fix a docs typo or small bug from its good first issue list.",
                "Comment on an unclaimed issue proposing your approach, and wait for a maintainer to agree before you code it.",
                "If you'd like a maintainer guiding you, apply to a mentored program such as Google Summer of Code or LFX Mentorship.",
            ),
            I.PROBLEM_SOLVING: (
                "Find out why your PR is stuck: failing CI checks, an unsigned CLA, merge conflicts, or simply no reviewer assigned.",
                "Fix what's on your side, rebase on the latest main branch, then leave one polite comment asking if anything else is needed.",
                "Next time, agree on the approach in the issue first and keep each PR to one change so it's easy to review.",
            ),
            I.LEARNING: (
                "First understand the contribution flow: fork, branch, commit, open a pull request, respond to review, and how maintainers merge.",
                "Practise by building the project locally, running its test suite, and reproducing one open issue yourself.",
                "You've got it when you can take an issue from first comment to merged PR without asking how the process works.",
            ),
            I.VALIDATION: (
                "Check that your change follows the project's CONTRIBUTING.md, code style and commit message conventions.",
                "It holds if the tests pass locally and in CI, and you added a test or docs update for what you changed.",
                "Check that the PR description links the issue, explains why, and stays focused on a single change.",
            ),
            I.PLANNING: (
                "Today, shortlist two projects you use and read their CONTRIBUTING.md and three recently merged PRs.",
                "This week, claim one good first issue, get the project building locally, and open a small draft PR.",
                "This month, work through review until it's merged, then take a slightly bigger issue in the same project.",
            ),
            I.REFLECTION: (
                "What did the review comments on your PR teach you about how this project's maintainers think?",
                "Which part felt hardest: finding an issue, understanding the codebase, or handling the maintainers' feedback?",
                "If you keep contributing to this project, what role would you like to have there in a year?",
            ),
        },
    ),
    S.SIDE_PROJECT: Advice(
        name="side projects",
        points=(
            "Pick a side project small enough to ship in a few weekends, ideally one that solves a problem you or people you know really have.",
            "Define a tiny first version with one core feature, and cut everything else until it's live.",
            "Shipping and getting a few real users teaches you more than a polished project that never leaves your laptop.",
            "If you want to earn from it, first check your employment contract's side-work and IP clauses, then check that someone will actually pay.",
        ),
        evidence=(
            "List your ideas with the hours each first version would need, next to the evenings and weekends you can really give it.",
            "Before building, find five people who have the problem and note how they handle it today and whether they pay for that.",
        ),
        people=(
            "A friend who'd actually use it can be your first tester and tell you honestly what's missing.",
            "A developer who has shipped a side project can help you cut your scope to a realistic first release.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Choose the idea you'd use yourself and scope it to one feature you can ship within four weekends.",
                "If you're torn between ideas, put up a one-page landing page for each and see which gets sign-ups.",
                "If you keep stalling alone, team up with a friend whose skills complement yours and set a shared launch date.",
            ),
            I.PROBLEM_SOLVING: (
                "Write down exactly where your side project stalled: scope creep, one hard technical piece, or lost interest.",
                "Cut the scope to the smallest version someone could use, and deploy that to a real URL this week.",
                "Keep it moving with a fixed weekly build slot, a public changelog, and a rule that new feature ideas go on a later list.",
            ),
            I.LEARNING: (
                "First understand what an MVP is: the smallest release that lets a real user try your core idea.",
                "Practise the whole loop on a tiny project: build, deploy, share a link, collect feedback, ship an update.",
                "You've got it when you can take a new idea from an empty repo to a live URL in one weekend.",
            ),
            I.VALIDATION: (
                "It holds if you can say in one sentence who the side project is for and what problem it solves for them.",
                "Check that the first release has one working core feature, is deployed, and a stranger can use it without your help.",
                "Check that a few real users came back a second time, not just that friends said it looked nice.",
            ),
            I.PLANNING: (
                "Today, write a one-paragraph pitch and the three features your first release must have.",
                "This week, build the core feature and deploy a rough version to a public URL.",
                "This month, share it with ten target users, fix what they trip over first, and post a short launch note.",
            ),
            I.REFLECTION: (
                "What made you want to start this side project, and is that reason still true for you?",
                "Where did your past side projects stall, and what does that pattern say about how you scope them?",
                "Would you be happy with this project if it taught you something but never made any money?",
            ),
        },
    ),
    S.BURNOUT: Advice(
        name="burnout and workload",
        points=(
            "Burnout is a workload and recovery problem, not a character flaw, so the fix is changing the load, not trying harder.",
            "Make your workload visible: a written list of everything on your plate is what lets your manager help you prioritise.",
            "Protect the basics that refill you, like sleep, proper meals and real time off, before you add anything new.",
            "If the exhaustion lasts for weeks or starts affecting your sleep and mood, seeing a doctor or counsellor is a sensible step.",
        ),
        evidence=(
            "For two weeks, log your actual working hours, after-hours messages and how rested you feel each morning.",
            "List every project and recurring task you own with its deadline, and mark the ones only you can do.",
        ),
        people=(
            "Bring your workload list to a 1:1 with your manager and ask which items can wait, move to someone else or be dropped.",
            "Tell someone you trust outside work how you've really been feeling, and look into a counsellor or your company's support programme if it's heavy.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Ask your manager this week to drop or postpone at least one project, using your written workload list.",
                "Book real time off, even a long weekend, with work notifications off and a named colleague covering for you.",
                "If you still feel empty after resting, see a doctor or counsellor and tell them how long it's been going on.",
            ),
            I.PROBLEM_SOLVING: (
                "Pin down where the overload comes from: too many projects, constant interruptions, heavy on-call, or evenings spent answering messages.",
                "Agree with your manager on your top three priorities, and decline or defer new requests that fall outside them.",
                "Set a fixed end to your workday and a notification cut-off, and review your workload every month in your 1:1.",
            ),
            I.LEARNING: (
                "First learn the signs of burnout: deep exhaustion, growing cynicism about your work, and feeling less effective however hard you try.",
                "Practise noticing your own early warning signs, like dreading Sunday evenings or skipping lunch, and act on them that same week.",
                "You've got it when you tell your manager you're at capacity before you're overwhelmed, not after.",
            ),
            I.VALIDATION: (
                "Check that your plan actually removes work, rather than just moving it into your evenings and weekends.",
                "It holds if your working hours and after-hours messages go down over the next few weeks.",
                "Check that you're sleeping better and have some energy left for life outside work on most days.",
            ),
            I.PLANNING: (
                "Today, write down every task and project on your plate and mark the three that truly matter this month.",
                "This week, take that list to your manager and agree on what gets dropped, handed over or delayed.",
                "This month, take at least a few days fully off and keep to a set logoff time on most workdays.",
            ),
            I.REFLECTION: (
                "Which parts of your work drain you most, and which ones still give you energy?",
                "When did you last feel properly rested, and what was different about your workload then?",
                "What are you afraid would happen if you said no to one more request?",
            ),
        },
    ),
    S.IMPOSTER: Advice(
        name="imposter feelings and self-doubt",
        points=(
            "Imposter feelings are common among capable people, especially after a new job or promotion, and they aren't evidence that you don't belong.",
            "You're comparing your messy inside to other people's polished outside; their doubts and mistakes are just less visible to you.",
            "Facts about your work, like what you've shipped and the feedback you've received, are a steadier guide than how you feel on a bad day.",
            "Not knowing things is normal at every level, and asking good questions is part of the job, not proof you're a fraud.",
        ),
        evidence=(
            "Keep a brag document of what you've delivered, problems you solved and thanks you've received over the past six months.",
            "Reread your last performance review or peer feedback and write down the strengths other people actually named.",
        ),
        people=(
            "Ask a senior colleague you trust whether they've ever felt this way; most will say yes and tell you what helped.",
            "Ask your manager in a 1:1 how they honestly see your work and where they'd like you to grow next.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Start a brag document today and add one concrete win, however small, at the end of every week.",
                "Tell one trusted colleague or mentor about the feeling; saying it out loud usually makes it smaller.",
                "If self-doubt is costing you sleep or stopping you from getting work done, talking to a counsellor can really help.",
            ),
            I.PROBLEM_SOLVING: (
                "Name the exact moment the doubt hits, like a review, a standup or a new assignment, and the thought that comes with it.",
                "Test that thought against your brag document and the feedback you've had, then write down a more accurate version of it.",
                "Before that moment comes round again, prepare one question you'll ask and one thing you'll contribute, so you walk in with a plan.",
            ),
            I.LEARNING: (
                "First understand that imposter feelings come from comparing yourself to an imagined standard, not from your actual track record.",
                "Practise catching thoughts like 'everyone else already knows this' and checking them against what you really know about your peers.",
                "You've got it when you can ask a basic question in a meeting without replaying it all evening.",
            ),
            I.VALIDATION: (
                "Check that your verdict on yourself rests on real evidence like reviews, feedback and delivered work, not on one bad day.",
                "It holds if you'd call a colleague with exactly your record competent.",
                "Check whether you're measuring yourself against what's expected at your level or against the most senior person in the room.",
            ),
            I.PLANNING: (
                "Today, write down three things you've done well at work or school in the past month.",
                "This week, share the feeling with one person you trust and ask how they see your work.",
                "This month, add to your brag document every week and reread it before your next review or tough assignment.",
            ),
            I.REFLECTION: (
                "Whose standard are you measuring yourself against, and is that a fair comparison?",
                "What would you tell a friend with your exact record who felt like a fraud?",
                "When did you last feel capable, and what were you doing at the time?",
            ),
        },
    ),
    S.MOTIVATION: Advice(
        name="motivation and direction",
        points=(
            "Motivation often follows action rather than coming first, so small experiments beat waiting for a clear sense of purpose.",
            "Lost interest can mean you've stopped growing, the work no longer fits your values, or you're simply tired, and each needs a different answer.",
            "Direction comes from noticing what energises you in real work, not from picking the perfect career path in your head.",
            "If low motivation comes with a flat mood that lasts for weeks, talking to a doctor or counsellor is a sensible step.",
        ),
        evidence=(
            "For two weeks, note which tasks gave you energy and which drained you, with a few words on why.",
            "Write down the times in your studies or career when you felt most engaged, and look for what they had in common.",
        ),
        people=(
            "Talk to two or three people doing work you're curious about and ask what a typical week really looks like for them.",
            "A mentor or friend who knows you well can tell you what they've noticed about when you light up.",
        ),
        steps={
            I.SEEK_ADVICE: (
                "Run one small experiment toward the direction you're curious about this month, like a short course, a stretch task or a coffee chat.",
                "Before deciding to quit, ask your manager for a project in an area you care about that would stretch you.",
                "If nothing has appealed to you for weeks, check in with a doctor or counsellor about your energy and mood.",
            ),
            I.PROBLEM_SOLVING: (
                "Pin down when your motivation dropped and what changed around then: your role, your team, your health or your goals.",
                "Change one concrete thing tied to that cause, like asking for a new project or setting a learning goal with a date.",
                "Keep it from fading again with a monthly check on what energised you and whether your work still matches what you value.",
            ),
            I.LEARNING: (
                "First understand what drives you, such as autonomy, mastery, purpose, people or security, and which of these your current work gives you.",
                "Practise testing each possible direction with a small, low-risk experiment instead of reasoning about it in your head.",
                "You've got it when you can name what you want more of next year and point to a step you've already taken toward it.",
            ),
            I.VALIDATION: (
                "Check that the direction you're considering matches what energised you in real work, not just what sounds impressive.",
                "It holds if you've tested it with at least one small experiment or a conversation with someone already doing it.",
                "Check that the choice fits both your values and your practical needs, like income, location and time.",
            ),
            I.PLANNING: (
                "Today, list three things you'd like more of in your work or studies and three you'd like less of.",
                "This week, book a coffee chat with someone working in a direction you're curious about and prepare three questions.",
                "This month, finish one small experiment in that direction and write a short note on how it felt.",
            ),
            I.REFLECTION: (
                "When did you last lose track of time while working or studying, and what were you doing?",
                "What would you keep doing even if nobody noticed or rewarded it?",
                "Is it the work itself you've lost interest in, or the conditions around it?",
            ),
        },
    ),
}
