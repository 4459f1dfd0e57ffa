"""Cue lexicons for the subject of a message, English and Korean, keyed by
:class:`~core.taxonomy.Subject`.

The format and weights are ``_lexicon``'s: ``{subject: {weight: "cue|cue|..."}}``; English cues
match whole words (word starts with ``*``), Korean cues match anywhere with spacing ignored.
Subjects are read from what a message names (an offer, a thesis, a rollback), so most cues are
nouns and the phrases people use for the situation; ``general`` has no cues: it is what a
message without any gets (``core.analysis``).
"""

from __future__ import annotations

from core.analysis._lexicon import Lexicon
from core.taxonomy import Subject as S

EN_SUBJECT: Lexicon[S] = {
    S.JOB_OFFER: {
        3.0: "job offer|offer letter|counter offer|counteroffer|counter|salary negotiation|negotiate my salary|negotiate the salary|negotiating salary|signing bonus|sign on bonus|compensation|comp package|total comp|base salary|lowball*|equity|stock options|rsus|rsu|verbal offer|written offer|formal offer|extended an offer|made me an offer|got an offer|received an offer|accept the offer|accepted the offer|decline the offer|declined the offer|rescind*|exploding offer|competing offer|competing offers|job offers|return offer|they offered me|ask for a raise|asking for a raise|asked for a raise|get a raise|pay rise|salary increase|salary bump|pay bump|salary range|pay range|salary band|name a number|give a number|levels fyi|retention bonus|equity refresh|strike price|golden handcuffs|money on the table|offer deadline|the number they|ask for more money",
        2.0: "offer|offers|salary|negotiat*|raise|bonus|relocation|starting salary|their number|lower than i hoped|below market|market rate|payslip|contract|cliff|vest|vesting|options|ask of|per hour|hourly rate|signing|take the first number|first number|comp",
        1.0: "recruiter|deadline to respond|two offers",
    },
    S.INTERVIEW: {
        3.0: "interview*|interviewer*|onsite|on site|phone screen|tech screen|technical screen|coding test|coding challenge|take home|takehome|whiteboard|behavioral|behavioural|star method|hiring manager round|final round|system design round|system design interview|design round|coding round|technical round|culture fit|culture round|values round|bar raiser|hackerrank|codility|codesignal|coderpad|blind 75|grind 75|recruiter screen|hr screen|screening call|whiteboarding|greatest weakness|biggest weakness|where do you see yourself|tell me about a time|star format|star stories|hiring committee|technical test|tech test|coding exercise|home assignment|online assessment|cracking the coding|ctci|job talk|other candidates|no hire|strong hire|mock onsite",
        2.0: "leetcode|recruiter call|rejected after|rejection email|tell me about yourself|questions to ask|case study|assessment|hiring process",
        1.0: "nervous about tomorrow",
    },
    S.JOB_SEARCH: {
        3.0: "resume|resumes|cv|portfolio|job search|job hunt*|job hunting|applying to jobs|applications|applied to|cover letter|no callbacks|job board*|first job|entry level|junior role*|new grad|ats|get an interview|getting interviews|get interviews|landing interviews|land an interview|no interviews|zero interviews|even an interview|auto reject*|automated rejection*|job market|tough market|employment gap|career gap|got laid off|unemployment|between jobs|jobless|job seeker*|job seeking|who is hiring|easy apply|cold apply*|mass apply*|need a job|find a job|finding a job|land a job|landing a job|land my first|get a job|getting a job|careers page|career page*|applicant*|fresh grad|recent grad|new graduate|grad role*|graduate scheme|junior position*|junior jobs|junior dev job*|projects to show|projects section|projects to put on|open to work|wellfound",
        2.0: "apply|applying|applied|openings|positions|job posting*|listings|linkedin profile|unemployed|laid off and looking|looking for a job|looking for work|get hired|ghosted|résumé|resume bullets|summary line|application*|portal|restructure|restructuring|contract ends|visa|sponsor|mock interview each other",
    },
    S.PROMOTION: {
        3.0: "okr|kpi|kpis|promotion|promoted|promo|performance review|perf review|review cycle|self review|self evaluation|self assessment|calibration|next level|level up to|senior title|staff engineer|career ladder|leveling|levelling|performance improvement plan|on a pip|perf cycle|performance cycle|performance rating|my rating|low rating|below expectations|doesnt meet expectations|partially meets|strongly exceeds|performance evaluation*|perf eval*|year end review|end of year review|annual evaluation|360 feedback|360 review|promotable|promote me|passed over|make senior|making senior|get to senior|junior to mid|mid to senior|title bump|level bump|self appraisal|appraisal*|review season|perf season|my perf|goals with my manager|my manager rated|my boss rated|stack rank*|forced ranking|ready for senior|stuck at the same level|same level for|promo case|promo committee",
        2.0: "meets expectations|exceeds expectations|annual review|mid year review|feedback from my manager|goals for the year|okrs|brag doc*|growth plan",
    },
    S.CAREER_CHANGE: {
        3.0: "career change|change careers|changing careers|switch careers|switching careers|career switch|career pivot|pivot into|transition into|move into tech|break into|bootcamp*|from marketing to|from teaching to|from finance to|career changer|ic or manager|manager track|management track|ic track|become a manager|career transition|transitioning into|pivoting to|second career|new career|career shift|change my career|switch fields|switching fields|switch tracks|switch industries|change industries|switch domains|switching domains|non technical background|non tech background|non cs background|no cs degree|without a cs degree|career switcher*|career changers|get into tech|getting into tech|career in tech|former teacher|former nurse|was a teacher|from nursing|from accounting|from customer support|from qa to|from sales to|from support to|manager or ic|ic or management|management or ic|stay technical|stay an ic|back to ic|go back to coding|back to engineering|go into management|into management|junior again|start as a junior|starting as a junior|transferable skills|become a data|become an engineer|become a software|become a programmer|become a product|learn to code at",
        2.0: "switch to|switching to|move into|moving into|new field|different field|another field|change fields|leave engineering|leave tech|data science|product management|become a pm|retrain*|self taught|at my age|too old to|devrel|developer relations|product company|agency|team lead position|team lead role|frontend or backend|master s|ml engineering|move from|moving from|qa into|ux research|become a developer|become a dev|to dev|roadmap to dev|pm role|staff engineer track|barista|accounting job|leave teaching|left teaching",
    },
    S.NETWORKING: {
        3.0: "networking|meetup*|mentor|mentorship|referral*|cold message*|cold email*|cold outreach|reach out to|linkedin|conference*|coffee chat*|informational interview*|mentors|my network|network with|build a network|building a network|grow my network|professional network|no network|no connections|cold dm*|meet new people|industry contacts|connection request*|warm intro*|introduce me|put in a word|put in a good word|refer me|who you know|know someone at|alumni|pycon|jsconf|devfest|mingle|mingling|schmooz*|elevator pitch|business card*|exchange contacts|virtual coffee|adplist|mentorcruise|talk to strangers|personal brand*|tech events|industry events",
        2.0: "connections|connect with|introduce myself|small talk|people in the industry|messaged",
        1.0: "introvert",
    },
    S.MANAGER: {
        3.0: "my manager|my boss|my lead|my team lead|my supervisor|micromanag*|manager keeps|boss keeps|manager wants|boss wants|manager said|boss said|my director|skip level|one on one*|1 1s|1on1*|our manager|our boss|my new manager|our new manager|have a new manager|got a new manager|my new boss|my managers|my em|my cto|my vp|my head of|my tech lead|our tech lead|our team lead|line manager|my engineering manager|direct manager|looking over my shoulder|hourly updates|approval for everything|goalposts|goal posts|read his mind|read her mind|mind reader|takes over my|took over my|i report to|plays favorites|plays favourites|toxic boss|toxic manager|bad manager|bad boss|difficult manager|difficult boss|manager expects|boss expects|manager doesnt|manager never|manager always|boss never|boss always|manager told me|boss told me|my 1 1|our 1 1|weekly 1 1|1 on 1|skip manager|my skip|go over his head|go over her head",
        2.0: "boss|supervisor|expectations are unclear|unclear expectations|takes over|overrides|talks over me|checks on me|breathing down",
    },
    S.RECOGNITION: {
        3.0: "took credit|takes credit|taking credit|stole credit|credit for my|credit for our|no credit|zero credit|recognition|recognized|recognised|unrecognized|unrecognised|invisible work|unnoticed|nobody noticed|nobody thanked|not appreciated|underappreciated|unappreciated|shout out|shoutout|kudos|took all the credit|took the credit|takes all the credit|gets all the credit|got all the credit|gets the credit|got the credit|claimed credit|credit for it|credit for the|took my idea|stole my idea|stole my work|my idea as|as his own|as her own|as their own|passed it off|presented it as|left my name off|didnt mention me|never mentioned me|without mentioning me|mentioned my name|mention my name|glue work|thankless|taken for granted|goes unnoticed|went unnoticed|nobody notices|no one notices|nobody sees|no one sees|nobody knows how much|nobody knows what i do|no one knows what i do|uncredited|feel invisible|feeling invisible|dont feel valued|never thanked|never said thank you|not even a thank you|self promotion|toot my own horn|unsung|employee of the month|all the praise|repeated my idea|everyone except me|everyone but me|get noticed|gets noticed|get my work noticed|mention my contribution*|mention my work|mentioned my work",
        2.0: "credit|thanked|thank me|acknowledge*|visibility|visible|my impact|show impact|showcase|presented my work|my work as his|my work as her|their own|show my work|brag",
    },
    S.TEAM_CONFLICT: {
        3.0: "conflict|coworker|co worker|colleague|teammate*|team member*|my peer|tension in the team|tension on the team|argued|argument|disagree with|disagreement|clash*|blame*|passive aggressive|not pulling their weight|doesnt pull|slacking|toxic|falling out|stopped talking to me|cold shoulder|silent treatment|snapped at me|under the bus|finger pointing|pointing fingers|backstab*|behind my back|badmouth*|free rider*|freeload*|does the bare minimum|pick up the slack|picking up the slack|pulling his weight|pulling her weight|pulling their weight|doing all the work|carrying the team|bully*|bullied|condescending|talks down to me|mansplain*|personality clash|dont get along|doesnt get along|not getting along|bad blood|grudge|office politics|turf war|takes sides|taking sides|group member*|groupmate*|rolled her eyes|rolled his eyes|eye roll*|disagreements|tension between|tensions|whose fault|complains about me|complained about me|slacker*|interpersonal|at each other",
        2.0: "feud|drama|gossip|rude|dismissive|ignores me|wont listen|keeps interrupting|undermin*|friction|awkward between|coworkers|colleague s|peer|peers|someone on my team|my teammate",
        1.0: "colleagues",
    },
    S.LEADERSHIP: {
        3.0: "lead a team|leading a team|team lead|tech lead|first time lead|first time manager|new manager|new lead|my reports|direct report*|delegat*|my team is|my team keeps|running standup*|run standups|run the meeting|give feedback to|giving feedback|hire for my team|hiring for my team|manage people|managing people|1 1s with my|first time managing|managing my first|leading my first|promoted to lead|promoted to team lead|promoted to manager|promoted to tech lead|became a lead|became the lead|became team lead|became a manager|former peers|managing friends|people i manage|people i lead|team i lead|i manage a|i lead a|leading the team|run the team|running the team|my team of|span of control|headcount|acting lead|interim lead|acting manager|writing performance reviews|write performance reviews|am i micromanaging|micromanaging my team|low performer*|put him on a pip|put her on a pip|let someone go|letting someone go|fire someone|assign tasks|assigning tasks|who to assign|interviewing candidates|my first hire|as their lead|as their manager|performance conversation*|run meetings|running meetings|protect my team|shield my team|shield the team|unblock my team|my juniors|my devs|my developers|get my team|new to managing|new to leading|never managed|never led|managing for the first time|one on ones with my|trust my team",
        2.0: "lead the|manage a team|managing a team|as a manager|as a lead|my engineers|mentor juniors|mentoring juniors|onboard juniors|team morale|motivate my team|roadmap for the team|underperform*|roadmap|sprint|sprints|backlog|retro|retros|retrospective|prioritis*|prioritiz*|workshop|offsite|hackathon|standup|standups|working agreement|hiring for|our team wants|as a team|squad|velocity|tech debt|engineering manager|first 90 days as|run of show|coaching|bake off|team of|ticket*|triage",
    },
    S.ONBOARDING: {
        3.0: "ojt|onboarding|new job|new role|new team|new company|first week|first weeks|first month|first day|first 90 days|just joined|just started|started last week|started a new|probation|probation period|ramp up|ramping up|huge codebase|giant codebase|legacy codebase|new hire|first few weeks|first couple of weeks|first three months|new joiner|new starter|new employee|newcomer|the new guy|the new girl|joined a new|recently joined|joined recently|started my new|started at a new|starting my new|settle in|settling in|settled in|the ropes|probationary|new workplace|new employer|new colleagues|new coworkers|new teammates|switched teams|changed teams|moved teams|first ticket|new codebase|unfamiliar codebase|drinking from a firehose|how things work here|still new here|im new here|new here",
        2.0: "just moved to|fit in|fitting in|dumb questions|ask questions|too many questions|learning the codebase|the codebase|nobody explains|documentation is|docs are|tribal knowledge|joined last|a year since i joined|first ever",
    },
    S.REMOTE_WORK: {
        3.0: "remote|remotely|work from home|working from home|wfh|hybrid|time zone*|timezone*|asynchronous|distributed team|fully remote|home office|return to office|rto|zoom fatigue|virtual offsite|coworking*|co working|digital nomad|office mandate|back to the office|back to office|return to the office|go into the office|going into the office|come into the office|days in the office|anchor days|office attendance|out of sight|proximity bias|cabin fever|same four walls|never leave the house|green dot|prove im working|mouse jiggler|bossware|work from abroad|working from abroad|work from anywhere|time difference|hour difference|hours difference|different continent*|offshore team|continents|not in the office|my team is remote|my team is fully remote|my team is distributed|my team is spread|my team is across|met in person",
        2.0: "video calls|camera on|camera off|isolated|lonely at home|never see|in person|office days|commute|overlap hours",
    },
    S.PRESENTATION: {
        3.0: "presentation|presenting|present to|present at|public speaking|speaking in public|give a talk|giving a talk|my talk|lightning talk|conference talk|keynote|slides|slide deck|stage fright|speak up in meetings|speaking up|pitch|demo day|all hands|defense talk|presentations|presenter|present my|present our|speaking slot|cfp|talk proposal|tech talk|brown bag|lunch and learn|lunch talk|live demo|demoing|demo to|in front of a crowd|in front of an audience|in front of the class|in front of leadership|pitch deck|powerpoint|ppt|speaker notes|eye contact|filler words|glossophobia|podium|minute talk|defence talk|defense presentation|defence presentation|speak in meetings|speaking in meetings|talk in meetings|speak up in|say anything in meetings|contribute in meetings|toastmasters|webinar|panel discussion|panelist|guest lecture|sprint demo|memorize my lines|um and uh|ums and ahs|froze on stage|shaky voice|voice trembl*",
        2.0: "speech|audience|rehearse|rehears*|on stage|microphone|mic|voice shakes|blank out|q and a|q a",
        1.0: "crowd",
    },
    S.PROCRASTINATION: {
        3.0: "procrastinat*|put off|putting off|keep putting|cant start|cant get started|cant focus|cant concentrate|distracted|distraction*|doomscroll*|scrolling|my phone|youtube|tiktok|reddit instead|pomodoro|deep work|attention span|adhd|putting it off|put it off|putting things off|keep postponing|keep delaying|cant get myself to|cant make myself|cant bring myself to|staring at the screen|phone addiction|screen time|phone in another room|check my phone|checking my phone|pick up my phone|app blocker|website blocker|focus mode|time blocking|timeblock*|morning routine|executive function|hyperfocus|lose focus|losing focus|lost focus|mind wanders|get nothing done|got nothing done|accomplished nothing|task paralysis|self discipline|willpower|accountability partner|body doubling|study with me|instead of working|instead of studying|pomodoros|wasting hours|wasted hours",
        2.0: "motivation to start|start working|get started|last minute|the night before|deadline slipping|avoid*|wasting time|waste the day|waste my day|discipline|lazy",
    },
    S.THESIS: {
        3.0: "thesis|dissertation|my paper|research paper|literature review|lit review|advisor|adviser|supervisor says|my professor|phd|masters|grad school|graduate school|research question|methodology|experiments|conference paper|reviewer 2|reviewers|citation*|manuscript|viva|my advisor|my adviser|postdoc*|doctoral|grad student*|graduate student*|research proposal|related work|research gap|gap in the literature|preprint*|camera ready|rebuttal|revise and resubmit|major revision*|minor revision*|desk reject*|scooped|first author|co author*|coauthor*|google scholar|impact factor|neurips|icml|ablation*|overleaf|zotero|bibtex|irb|ethics approval|semi structured interview*|research interview*|theoretical framework|conceptual framework|final year project|research group|research questions|conference deadline|paper submission|academic writing|proposal defense|results chapter|discussion chapter|experimental results|experimental setup|research assistant|undergraduate research|journal paper|journal submission",
        2.0: "research|paper|publish|publication|defense|defence|committee|data collection|results section|abstract|arxiv|academia|academic|professor|graduation project|capstone|lab meeting|literature|hypothesis",
    },
    S.EXAMS: {
        3.0: "sqld|adsp|opic|aws certification|exam|exams|midterm*|finals|final exam|certification|certificate|certified|aws saa|solutions architect|cka|ckad|toeic|toefl|ielts|jlpt|gre|bar exam|cpa|test prep|mock test|practice test|retake|failed the test|study for|examination|test center|proctor*|pearson vue|score report|pass mark|cutoff score|aws certified|saa c03|saa|clf c02|cloud practitioner|az 900|azure fundamentals|google cloud certified|ccna|cissp|security plus|pmp|cks|rhcsa|oracle certified|java certification|kubernetes certification|terraform associate|gmat|lsat|gcse*|a levels|hsk|topik|certifications|practice exam*|practice tests|practice questions|mock exam*|past exam*|question bank|tutorials dojo|resit|resits|retook|retaking|retakes|revise for|revising for|test anxiety|multiple choice|csat|standardized test*|admission test|placement test|driving test|studying for|study guide",
        2.0: "quiz|passing score|grade|grades|gpa|cram*|flashcards|past papers|syllabus|study plan|studying|mock scores|cfa|cert|oscp|ceh|comptia|spaced repetition|study technique|textbook|semester|exam prep|mates are preparing|chapters|associate|developer associate|cramming|spacing",
    },
    S.LEARNING_TECH: {
        3.0: "learn rust|learn react|learn python|learn go|learn java|learn kotlin|learn typescript|learn javascript|learning rust|learning react|learning python|learning go|learning kotlin|learning typescript|new language|new framework|tutorial hell|tutorials|udemy|coursera|which language|which framework|rust|react|vue|angular|svelte|spring|django|flask|fastapi|kubernetes|k8s|docker|terraform|swift|kotlin|typescript|golang|haskell|elixir|learning java|learning javascript|learn sql|learn git|learning git|learn c|what to learn next|what should i learn|worth learning|learn next|learning path|roadmap sh|tutorial|youtube tutorial*|freecodecamp|odin project|codecademy|cs50|nextjs|next js|node js|nodejs|spring boot|laravel|ruby on rails|dotnet|csharp|c sharp|scala|flutter|swiftui|tailwind|pytorch|tensorflow|numpy|langchain|programming language*|coming from python|learn by building|learning by doing",
        2.0: "framework|borrow checker|hooks|generics|monads|closures|async await|self study|roadmap to learn|difference between|under the hood|how does git|event loop|closure|recursion|recursive|process and a thread|sql|neural net*|regularisation|regularization|tcp|oauth|authentication|authorisation|authorization|list comprehension*|compiler*|interpreter*|crafting interpreters|packfiles|snapshots|gil|useeffect|dependency array|single threaded|garbage collect*|big o|data structure*|algorithm*|llm|llms|transformer*|machine learning|ml|orm|regex",
    },
    S.DEBUGGING: {
        3.0: "bug|bugs|debug*|error|errors|exception|stack trace|stacktrace|traceback|crash*|segfault|null pointer|nullpointer|undefined is not|cannot read property|npe|flaky|race condition|memory leak|deadlock|infinite loop|breakpoint*|git bisect|repro|reproduce|works on my machine|404|500 error|500s|timeout error|keeps failing|test fails|tests fail|failing test*|build fails|build is failing|wont compile|doesnt compile|compile error|works locally|works fine locally|locally but not|only in production|only in prod|only on the server|fails in ci|ci is failing|ci is red|ci keeps failing|build broke|broke the build|build failed|module not found|cannot find module|permission denied|command not found|is not a function|index out of range|off by one|nil pointer|print statements|console log*|pdb|gdb|troubleshoot*|rubber duck*|worked yesterday|was working yesterday|returns none|nonetype|nullpointerexception|indexerror|attributeerror|unhandled|uncaught|timezone bug|encoding issue|intermittently fail*|fails intermittently|randomly fails|race conditions|memory leaks|stack traces|passed the tests|passes locally",
        2.0: "doesnt work|not working|stopped working|throws|returns null|returns undefined|wrong output|fix it|fix this|root cause|regression|modulenotfounderror|cors|access control allow origin|segmentation fault|core dumped|out of memory|heap|detached head|head detached|merge conflict|eresolve|kernel appears to have died|kernel died|does not match|cant reach|could not|failed to|blank white screen|blank screen|panic|oom|n 1|seq scan|p99|p95|crashloop*|pod install|cocoapods|goroutine*|mutex|datasource|econnrefused|etimedout|assertionerror|syntaxerror|typeerror|importerror|keyerror|valueerror|nan|center a div|vim|git push|force push|node modules|venv|virtualenv|jupyter|pipenv",
    },
    S.CODE_REVIEW: {
        3.0: "code review*|pr review*|reviewing prs|reviewing pull|pull request*|prs|my pr|his pr|her pr|their pr|review comments|reviewer*|nitpick*|nits|lgtm|approve my|request changes|requested changes|big pr|huge pr|stacked prs|the pr|this pr|a pr|your pr|our pr|merge request*|review request*|review queue|awaiting review|waiting for review|waiting on review|stuck in review|sitting in review|needs review|blocked on review|rubber stamp*|files changed|lines changed|harsh comment*|harsh review*|blunt comment*|rude comment*|passive aggressive comment*|review feedback|suggested changes|blocking comment*|non blocking|nonblocking|nit|ptal|review etiquette|review culture|review process|review checklist|review my code|review code|reviewing code|reviewing my|bikeshed*",
        2.0: "comments on my|left comments|feedback on my code|reviewed|style guide|linter|readability|refactor*|split a|function into|sanity check it|first pr|working agreement",
    },
    S.SYSTEM_DESIGN: {
        3.0: "msa|db design|db schema|dau|tps|system design|architecture|architect*|microservice*|monolith|database|databases|schema design|sharding|replication|caching layer|queue|kafka|pubsub|pub sub|event driven|load balancer|cap theorem|throughput|latency|api design|design doc|rfc|postgres|mysql|mongodb|dynamodb|redis|grpc|rest vs|data modeling|data modelling|erd|denormaliz*|nosql|sql vs nosql|rabbitmq|sqs|message broker|message queue*|event sourcing|cqrs|cache invalidation|rate limiter|api gateway|idempoten*|distributed transaction*|leader election|read replica*|write heavy|read heavy|partition key|shard|shards|sharded|consistent hashing|domain driven|ddd|design review|design reviews|tech design|technical design|design document|design docs|single point of failure|capacity planning|back of the envelope|concurrent users|service boundaries|split into services|design a system|design a service|url shortener|elasticsearch|cassandra|circuit breaker*|load balancing|fault toleran*|scalab*|scaling|scale out|scale up|horizontal scaling",
        2.0: "infrastructure|distributed|partition|requests per second|rps|qps|users per day|million users|data model",
    },
    S.DEPLOYMENT: {
        3.0: "deploy*|deployment|rollback|roll back|rolled back|outage|on call|oncall|pager|paged|pagerduty|postmortem|post mortem|sev1|sev 1|sev2|hotfix|ci cd|cicd|canary|blue green|staging|production|prod is down|prod down|in prod|downtime|sla|slo|alerts|alerting|runbook|release day|release night|release branch|release process|code freeze|feature flag*|rolling update*|rollbacks|rolling back|outages|hotfixes|hot fix|postmortems|post mortems|broke prod|broke production|took down prod|site is down|site went down|server went down|servers went down|service went down|status page|war room|blameless|root cause analysis|rca|error rate*|error budget*|bad gateway|gateway timeout|service unavailable|alert fatigue|got paged|mttr|maintenance window|prod database|production database|prod db|dropped the table|deleted prod|data loss|customers affected|users affected|customer impact|argocd|gitops|expired cert*|cert expired|certificate expired|pushed to prod|sev 2",
        2.0: "prod|ship it|rollout|roll out|monitoring|dashboards|3am|2am|middle of the night|woke me up|weekend on call|charged twice|webhook|ssl cert*|certbot|nginx|github actions|ci|docker image|kubernetes|k8s|pods",
    },
    S.OPEN_SOURCE: {
        3.0: "open source|opensource|oss|maintainer*|first contribution|contribute to|contributing to|contributor*|good first issue|upstream|forked|github issue*|my pr to|license|licence|mit license|gpl|hacktoberfest|open sourced|open sourcing|foss|free software|copyleft|agpl|lgpl|apache license|apache 2|apache foundation|bsd license|permissive license|licensed under|relicens*|dual licens*|cla|dco|good first issues|up for grabs|my fork|fork the repo|forking|fork of|core maintainer*|committer*|commit access|github sponsors|open collective|gsoc|google summer of code|outreachy|lfx|kernel mailing list|sent a patch|send a patch|submit a patch|contributing md|contributing guide*|external contributor*|outside contributor*|maintain a library|maintaining a library|first pr to|contribute back",
        2.0: "github|issue tracker|merged my|community project",
        1.0: "contribut*",
    },
    S.SIDE_PROJECT: {
        3.0: "solo developer|side project*|side hustle|personal project*|pet project|hobby project|weekend project|indie hacker*|my app|my saas|saas|mvp|launch my|ship my|product hunt|users for my|monetiz*|monetis*|passive income|ideas for a project|sideproject*|side gig|toy project*|indie dev*|indie game*|indie app*|solo dev*|solo founder|build in public|building in public|show hn|indiehackers|gumroad|mrr|first paying|side income|extra income|after my day job|shiny object*|too many ideas|app idea*|startup idea*|business idea*|idea for an app|validate the idea|validate my idea|my own app|my own product|nobody uses my|first sale",
        2.0: "after work|on weekends|nights and weekends|in my free time|finish it|never finish|abandoned|half finished|unfinished|domain name|landing page|first users",
    },
    S.BURNOUT: {
        3.0: "burnout|burned out|burnt out|burning out|exhausted|exhaustion|overworked|overwork*|too much work|workload|overtime|60 hour*|70 hour*|80 hour*|no energy|drained|running on empty|need a break|vacation|time off|sabbatical|work life balance|work life|no weekends|weekends too|burn out|burned myself out|running on fumes|nothing left in the tank|nothing left to give|crunch time|crunch mode|death march|working weekends|worked every weekend|weekend work|working nights|unpaid overtime|12 hour day*|14 hour day*|10 hour days|50 hour*|55 hour*|65 hour*|too much on my plate|plate is full|more on my plate|work overload|drowning in work|buried in work|taking on too much|too many projects|doing the work of|work of two|understaffed|short staffed|cant log off|never log off|slack at night|emails at night|dreading monday*|dread going to work|sunday scaries|bone tired|dead tired|worn out|fatigued|depleted|workaholic|candle at both ends|havent taken a day off|no days off|stress leave|brain fried|brain is fried|tired all the time|always tired|wake up tired|no time for myself|no life outside work",
        2.0: "so tired|cant keep up|too many tasks|piling up|swamped|stretched thin|long hours|late nights|every night|every weekend|sick leave|mental health|boundaries|set boundaries|after hours|10pm|11pm|work messages|sunday evening*|dread|wellbeing|well being|pto|switch off|cant switch off|recovery|exhausting|weekends with|hrs week|hours a week|days off|reply at",
    },
    S.IMPOSTER: {
        3.0: "imposter|impostor|fraud|not good enough|not smart enough|dont belong|everyone is smarter|everyone else is smarter|smarter than me|better than me|found out|fake it|faking it|self doubt|doubt myself|doubting myself|compare myself|comparing myself|not qualified|underqualified|dont deserve|lucky to be here|just got lucky|feel like a fake|im a fake|phony|fooled everyone|find out im|figure out im|realize im not|out of my league|not cut out for|never good enough|am i good enough|measure up|feel inferior|inferiority|self esteem|self worth|lost my confidence|lack confidence|lack of confidence|not a real engineer|not a real developer|not a real programmer|still feel like a junior|hired by mistake|mistake to hire me|mediocre|average at best|not talented|no talent|dumbest person|dumbest one|least competent|everyone knows more|everyone else knows|everyone seems to know|everyone is better|everyone else is better|so much smarter|dont feel senior|weak link|pretending to know|compared myself|self doubts|inner critic|negative self talk",
        2.0: "inadequate|incompetent|behind everyone|slower than|compared to|insecure|worthless|criticism|downplay|weakest|deserve|regret hiring|froze|smart kid|worth|tied my worth|found out i|google how",
    },
    S.MOTIVATION: {
        3.0: "motivation|motivated|unmotivated|demotivated|lost interest|lost my passion|no passion|no direction|lost direction|what to do with my life|what to do with my career|meaning|meaningless|purpose|why i do this|why am i doing|passion|bored|boring|stagnat*|plateau*|in a rut|rut|going through the motions|lost in my career|lost in life|directionless|aimless|no goals|dont know what i want|what i really want|what do i want|career direction|sense of direction|quarter life crisis|midlife crisis|meaningful work|something meaningful|fulfilling|unfulfilled|no joy|lost the joy|dont care anymore|stopped caring|apathy|apathetic|monotonous|groundhog day|dead end job|career is going nowhere|stuck in my career|treading water|on autopilot|lost my drive|no ambition|uninspired|no inspiration|lost my mojo|boredom|not challenged|losing interest|lose interest|losing my passion|no longer interested|fell out of love|why did i become|is this all there is|nothing excites me|lost the spark|what am i working for|feel empty",
        2.0: "spark|excited anymore|dont enjoy|used to love|enjoy coding|love coding|the point|whats the point|why i keep|keep doing this|point of|mulling",
    },
}

KO_SUBJECT: Lexicon[S] = {
    S.JOB_OFFER: {
        3.0: "연봉협상|처우협의|처우|오퍼|오퍼레터|카운터오퍼|사이닝보너스|스톡옵션|연봉 제시|제시한 연봉|희망연봉|연봉을 올려|연봉 올려|연봉이 낮|연봉이 적|연봉 테이블|입사 제안|합격 통보|합격 연락|오퍼를 받|오퍼 받|연봉 계약|전 직장 연봉|직전 연봉|현재 연봉|현 연봉|연봉 인상률|인상률|희망 처우|연봉 삭감|연봉을 깎|연봉이 깎|주식 보상|베스팅|입사 축하금|실수령|세후|연봉 얼마|얼마 불러|얼마를 불러|먼저 부르|숫자를 먼저|잔류 제안|리텐션 보너스|월급 올려|월급을 올려|급여 인상|임금 인상|연봉 밴드|연봉 범위|연봉 구간|연봉 수준|평균 연봉|연봉 협의|연봉 얘기|연봉 이야기|연봉을 얼마|연봉 동결|연봉 차이|입사 포기|입사를 포기|입사일 조율|사이닝|사인온",
        2.0: "연봉|협상|보상|성과급|인센티브|계약 조건|기본급|이직 제안|두 군데 합격|두 곳 합격|최종합격|계약서|포괄임금|연봉 인상|인상|처음 부른|제시|두 회사 중|어느 회사로|조건이 더 좋|조건을 맞춰|남으라고|급여|월급|상여금|복리후생|퇴직금|호봉|지분|클리프|입사 여부|돈 얘기|돈 이야기|얼마 받|얼마나 받|더 받을 수|올려 받|크레딧잡|연봉 정보|세전 연봉|제시받",
        1.0: "카운터|수락|레퍼런스 체크|입사일|업계 평균|복지|주식|제안을 받|제안받은|퇴사를 말|스타트업이랑|대기업이랑|어디로 갈지|어느 쪽으로 가야",
    },
    S.INTERVIEW: {
        3.0: "면접|인터뷰|코딩테스트|코테|기술면접|인성면접|임원면접|과제전형|화이트보드|라이브코딩|최종면접|면접관|자기소개|컬처핏|컬쳐핏|코딩 과제|사전 과제|과제 테스트|알고리즘 테스트|해커랭크|손코딩|압박 질문|꼬리 질문|마지막으로 하고 싶은 말|역질문|채용 프로세스|채용 과정|채용 절차|다음 전형|기술 질문|경험을 물어|단점을 물어|장단점을 물어|왜 우리 회사|역량검사|전형 결과|면접 기회가 생",
        2.0: "면접 준비|면접 복기|면접에서|떨어졌|탈락|예상 질문|질문 리스트|전화 인터뷰|리크루터|인적성|인성검사|프로그래머스|백준|릿코드|온라인 코딩|궁금한 거 있냐|궁금한 점 있냐|궁금한 점 있으|이직 사유|결과 통보|불합격 통보|실패 경험|경험을 말해|모르는 질문|모르는 걸 물어|답변을 외|답변 준비|답변을 준비|리쿠르터|회사 조사|기업 분석|입사 후 포부",
        1.0: "과제를 받|대답을 못|답변을 못|말문이 막|질문을 받았|질문 받으면|화면 공유|떨어진 이유|퇴사 사유|모범 답안|정장|복장",
    },
    S.JOB_SEARCH: {
        3.0: "이력서|포트폴리오|포폴|자소서|자기소개서|취준|취업준비|구직|서류 탈락|서류 합격|서류에서|지원서|채용공고|신입 지원|첫 취업|취업|잡코리아|사람인|원티드|서류|이직 준비|이직을 준비|이직 시장|채용 시장|채용이 없|뽑는 곳|뽑는 데가|신입을 안 뽑|신입 채용|경력직만|중고 신입|공채|수시 채용|백수|실업급여|무직|공백기|경력 공백|서탈|스펙 쌓|스펙이 부족|인턴 지원|체험형 인턴|채용 연계형|전환형 인턴|군데 넣|군데 지원|취직|일자리|직장을 구|직장 구하|일을 구하|채용 사이트|면접 기회|면접까지 못|면접까지 가본|면접 한 번도|면접조차",
        2.0: "지원했|지원하|지원할|공고|연락이 없|연락 없|경력 기술|링크드인 프로필|경력 요약|재계약|구조조정|이직 스터디|모의면접|지원 시기|곳에 지원|어디에 지원|이직하려고|이직처|광탈|권고사직|정리해고|해고됐|계약 만료|인턴|프로젝트 경험|연락이 안 와|연락이 안 오|로켓펀치|점핏|인크루트|헤드헌터|헤드헌팅|상시 채용|정규직 채용|곳 넣|실업|첫 직장|이력서를 넣|서류를 넣|자격 요건|우대 사항|경력 몇 년",
        1.0: "채용|스펙|잡플래닛|졸업하고|졸업 후|신입 개발자|신입으로|첫 회사|퇴사 후|잘렸|불합격|깃허브 잔디",
    },
    S.PROMOTION: {
        3.0: "승진|진급|성과평가|인사평가|고과|평가 시즌|자기평가|레벨업|시니어 승진|직급|등급|캘리브레이션|평가 면담|성과 면담|평가를 낮게|평가가 낮|낮은 평가|평가가 나쁘|평가등급|성과 개선 계획|승급|시니어 타이틀|레벨링|레벨이 안 올|상반기 평가|하반기 평가|분기 평가|다면 평가|성과 리뷰|퍼포먼스 리뷰|셀프 리뷰|셀프 평가|평가권자|팀장님이 평가|팀장이 평가|팀장님 평가|역량 평가|다음 레벨|강제 배분|평가 피드백|승진 대상|평가를 잘 받",
        2.0: "평가|고과 시즌|연말 평가|목표 설정|리뷰 시즌|피드백 면담|평가 결과|동료 평가|저성과|직책|시니어로|주니어에서|미드레벨|레벨을 올|평가서|성과 기록|성과 정리|성과를 정리|목표 수립|평가 기간|성장 계획|육성 계획|상대평가|기대 이하|한 단계 위|윗 레벨|등급을 받|목표 면담",
        1.0: "시니어|레벨|퍼포먼스|역량|타이틀|수석|절대평가|기대 이상|커리어 성장|평가 기준|평가자|목표 달성|인사 발령|선임으로|대리로|과장으로",
    },
    S.CAREER_CHANGE: {
        3.0: "직무전환|전직|커리어 전환|진로 변경|비전공|부트캠프|국비|국비지원|개발자로 전향|개발자로 전직|전향|매니저 트랙|관리자 트랙|매니저로 갈지|문과 출신|나이가 많은데|직무 변경|직무를 변경|직무 이동|커리어 체인지|커리어를 바꾸|진로를 바꾸|진로 전환|업종 변경|업계를 옮|업계 전환|도메인을 바꾸|도메인 전환|전공자가 아닌|개발자로 전환|개발자가 되고 싶|개발자가 되려|늦은 나이|나이에 개발|신입으로 다시|다시 신입|매니저를 할지|매니저가 될지|매니저 제안|기술 트랙|에서 개발자로|에서 개발로|에서 기획으로|경력 전환|경력을 버리|경력을 포기|직군을 바꾸|직군 전환|내일배움카드|코드스테이츠|디자이너에서|마케팅에서 개발|영업에서 개발|퍼블리셔에서|기획자에서|교사였|간호사였|비개발 직군|백엔드로 전환|프론트로 전환|프론트엔드로 전환|개발자로 이직",
        2.0: "직무를 바꾸|분야를 바꾸|다른 분야|다른 직무|옮기고 싶|넘어가고 싶|데이터 분석가로|기획으로|개발로 넘어|데브렐|자사 서비스|이동 제안|프론트를 해야|백엔드를 해야|직무 알아보|개발자 되기|전향하려|언어학|팀장 제안|부서 이동|도메인을 옮|전공이 아닌|타 전공|비개발|문과생|인문계|서른 넘|마흔|늦었을까|늦은 건 아닐|관리직|리드 제안|관리 업무로|실무를 계속|스페셜리스트|직군|직무 고민|데이터 사이언티스트|데이터 엔지니어로|머신러닝 엔지니어로|코딩 학원|퍼블리셔|항해99|싸피|전공과 상관없|전혀 다른 일",
        1.0: "수료|서른|늦게 시작|간호사|우테코|멋사|쪽으로 옮|쪽으로 넘어|개발을 계속|제너럴리스트|전공을 살",
    },
    S.NETWORKING: {
        3.0: "네트워킹|인맥|밋업|컨퍼런스|멘토링|추천 채용|레퍼럴|링크드인|커피챗|스터디 모임|개발자 모임|멘토를 찾|멘토를 구|멘토가 없|멘토가 있|멘토 찾|멘토를 만|멘토님을 찾|멘토님을 구|멘토님이 없|업계 사람|업계 지인|지인 추천|지인을 통해|사내 추천|리퍼럴|콜드메일|콜드 메시지|연락처를 교환|명함|개발 행사|개발자 행사|파이콘|데브페스트|인프콘|데뷰|뒤풀이|개발자 커뮤니티|모임에 나가|스몰토크|업계 선배|시니어 개발자를 만나|퍼스널 브랜딩|개인 브랜딩|멘토링을 받",
        2.0: "연락해 보|연락을 해|모르는 사람|선배|현직자|사람을 만나|사람들과 친해|인사를 하|디엠|쪽지를 보내|메시지를 보내도|먼저 연락|오픈채팅|오픈톡|커뮤니티|모임에 가|모임에서|소모임|낯가림|낯을 가|먼저 말을 걸|롤모델|현업자|현직 개발자|관계 맺|브랜딩|소개를 받|소개해 줄|소개시켜|다리를 놓|커피 한잔|리멤버|대외활동|연락처",
        1.0: "네트워크|모임|내향적|내성적|팔로워|동아리|멘토님|관계를 쌓|물어볼 사람이 없|선배 개발자|스터디 그룹|연락을 드려|세미나",
    },
    S.MANAGER: {
        3.0: "팀장님|팀장이|팀장은|팀장한테|팀장 때문|상사|부장님|부장이|과장님|실장님|매니저가|매니저님|리드가|마이크로매니징|원온원|윗사람|직속 상사|팀장하고|우리 팀장|저희 팀장|본부장|파트장|그룹장|실장이|차장님|리드님|테크리드가|테크 리드님|매니저랑|매니저한테|매니저와|매니저 때문|마이크로매니지|일일이 확인|일일이 체크|지시가 바뀌|기대치를 모르|뭘 원하시는지|알아서 하라|갈궈|갈군|갈굼|상급자|팀장 면담",
        2.0: "보고를|보고할|지시|간섭|기대치가|기대하는 게|뭘 원하는지|팀장과|매니저는|센터장|대표님|사장님|이사님|시시콜콜|보고하라|수시로 확인|수시로 물어|진행 상황을 계속|하나하나 확인|말이 바뀌|말을 바꾸|말 바꾸|방향이 계속 바뀌|원하는 걸 모르|알아서 해|알아서 잘|자기 방식대로|본인 방식|본인이 다 하|혼나|혼났|꾸중|질책|쪼아|윗선|결재|주간 보고|일일 보고|일대일",
        1.0: "대표가|면담|압박을 주|자꾸 바뀌|임원|감시|컨펌",
    },
    S.RECOGNITION: {
        3.0: "공을 가로채|공을 가져|공로|인정을 못|인정받지|인정을 안|알아주지|알아주는 사람|생색|티가 안|티 안 나|묻히|내 아이디어를|제 아이디어를|가로챘|자기가 한 것처럼|자기 공|제가 한 일인데|제가 한 건데|제가 만든 건데|제가 다 했는데|내가 한 건데|내가 다 했는데|혼자 다 했는데|제 이름이 빠|제 이름은 빠|이름이 빠졌|이름도 안 나|이름 한 번 안|언급도 안|언급조차|숟가락 얹|숟가락만|자기 성과로|본인 성과로|자기 이름으로|팀장 이름으로|자기가 한 척|자기 아이디어처럼|공을 뺏|공을 빼앗|공을 독차지|공을 돌리|가로채|가로챈|인정받고 싶|알아봐 주|알아줬으면|몰라줘|몰라주|과소평가|티 안 나는 일|생색도 못|당연하게 여기|당연한 줄 알|당연시|고맙다는 말 한마디|수고했다는 말|칭찬 한마디|칭찬은 다|감사 인사도|빛이 안 나|빛을 못 보|존재감이 없|보이지 않는 곳|궂은일|이름으로 나갔",
        2.0: "인정|고맙다는|감사 인사|성과를 보여|어필|보이지 않는 일|잡일|칭찬|존재감|드러나지 않|눈에 띄지|눈에 안 띄|기여도|제 기여|내 기여|크레딧|묵묵히|뒤치다꺼리|뒷수습|노고|평가절하|자기 홍보|셀프 홍보|제 성과|내 성과|성과를 가져|제 덕분|고생은 제가|고생은 내가|뒤에서 고생|알아주|감사하다는 말|고맙다는 인사|수고했다|생색내|보상받지 못|이름을 올|자기 자랑|자랑하는 것 같|이름으로 올라",
        1.0: "서운|섭섭|아무도 모르|헌신",
    },
    S.TEAM_CONFLICT: {
        3.0: "갈등|동료|팀원|사수|부사수|입사 동기|다퉜|싸웠|말다툼|의견 충돌|신경전|불화|책임 전가|남 탓|무임승차|일을 안 해|뒷담|험담|싸움|싸우|다툼|다투|언쟁|마찰|팀원과|팀원이랑|동료와|동료랑|동료한테|동료 때문|팀원 때문|팀 동료|뒤에서 욕|뒷말|이간질|편 가르|파벌|따돌|왕따|은따|괴롭힘|일을 떠넘|업무를 떠넘|책임을 떠넘|저한테 미루|나한테 미루|월급루팡|프리라이더|묻어가|날로 먹|책임 회피|제 탓으로|내 탓으로|손가락질|비꼬|비아냥|빈정|대놓고 무시|투명인간 취급|냉전|팀 분위기가 안 좋|팀 분위기가 험악|팀 분위기가 냉랭|팀 분위기가 살벌|분위기가 험악|분위기가 살벌|사이가 나빠|사이 안 좋|관계가 틀어|관계가 안 좋|감정이 상|편을 들|화해",
        2.0: "사이가 안 좋|사이가 틀어|무시하|말을 끊|언성|예민하|기분 나쁘|어색해|동료가|팀원이|팀원한테|단톡방|옆자리|같은 팀 사람|협업하는 분|탓을 하|무례|괴롭히|서먹|조원|팀플|조별 과제|대립|편들|협업이 안|협업이 힘들|소리를 지르|소리를 질|중재|사과를 안|기분이 상|트집|꼬투리|비협조|견제|떠넘|말도 안 하|말도 안 해|계속 부딪|자꾸 부딪",
        1.0: "충돌하|부딪혀|부딪히|기획자랑|말투|감정적으로",
    },
    S.LEADERSHIP: {
        3.0: "팀을 이끌|팀을 맡|팀장이 됐|팀장이 되|리드를 맡|리더가 됐|리더가 되|처음 리드|테크 리드|팀원들한테|팀원들에게|위임|피드백을 주|팀 회의를|스탠드업을|팀원 채용|면접관으로|팀 분위기|팀장 역할|리드 역할|리더 역할|리더로서|리드로서|팀장으로서|관리자로서|파트 리드|셀 리더|챕터 리드|스쿼드 리드|중간관리자|관리자가 됐|관리자가 된|매니저가 된|매니저가 됐|매니저를 맡|팀장을 맡|팀장 된 지|처음으로 팀장|첫 팀장|초보 팀장|신임 팀장|팀 리딩|업무 배분|업무 할당|태스크 분배|팀원 면담|팀원과 면담|팀원들과 면담|팀원과 원온원|팀원들과 원온원|저성과 팀원|성과가 낮은 팀원|피드백을 줘야|피드백 주는|채용 권한|헤드카운트|팀빌딩|팀을 꾸리|팀을 새로 꾸|동료였던|동기였던|나이 많은 팀원|연차 높은 팀원|팀원 평가|팀원들 평가|제 팀원|팀원들 관리|제가 마이크로매니징|팀원 육성|팀원을 키우|주니어를 이끌|주니어 관리|후배 관리|처음 맡은 팀|팀원을 뽑",
        2.0: "리더|리더십|이끌|관리해야|팀원 관리|동기부여|성과가 안 나오는 팀원|주니어들|스프린트|백로그|회고|우선순위|워크숍|해커톤|스탠드업|팀 규칙|스쿼드|기술 부채|매니저로서|신임|로드맵|분기|팀 전체|진행 순서|멘토링 모임|티켓|리딩|업무 분배|업무를 나눠|일을 맡기|일을 분배|맡겨야|싫은 소리|사람을 뽑|팀 문화|심리적 안전|회의를 진행|회의 진행|회의 주재|온보딩 시켜|팀원 성장|주니어들을|신입을 가르|후배를 가르|맡은 팀|팀원 이탈|팀 생산성",
        1.0: "쓴소리|후배들을",
    },
    S.ONBOARDING: {
        3.0: "온보딩|입사한 지|입사 첫|첫 출근|첫 주|첫 달|신규 입사|수습|수습기간|이직한 지|새 회사|새 팀|새로운 팀|적응|코드베이스가 너무|레거시 코드|인수인계|입사 초기|입사 초반|입사하고 나서|입사 2주|입사 3주|입사 한 달|입사 두 달|이직하고 나서|이직한 회사|이직 초반|합류한 지|팀을 옮긴 지|부서를 옮긴 지|팀 이동 후|부서 이동 후|옮긴 지|출근 첫|한 달 차|두 달 차|업무 파악|아는 사람 하나 없|사내 용어|첫 업무|첫 태스크|첫 티켓|경력직으로 입사|이직 후 적응",
        2.0: "들어온 지|적응이|물어봐도 되|질문하기|눈치 보|문서가 없|히스토리를 몰|입사 후|입사한 뒤|입사했는데|이직 후|새 직장|새로운 회사|새로운 직장|새로 들어온|새로 합류|합류했|팀 이동|팀을 옮|부서를 옮|첫날|둘째 주|개월 차|코드 파악|파악하는 중|물어볼 사람|누구한테 물어|물어보기가|물어보기 민망|질문을 너무|계속 물어|매번 물어|모르는 게 너무 많|아는 사람이 없|겉돌|겉도|섞이지|녹아들|전임자|이전 담당자|사수가 없|사수한테 물어|사수에게 물어|첫 과제|텃세|새 환경|환경이 바뀌|낯설|신입 교육|분위기 파악|사내 시스템|문서화가 안|컨플루언스",
        1.0: "신입사원|회사 문화|사내 문화|낯선|막내|정규직 전환|개발 환경 세팅",
    },
    S.REMOTE_WORK: {
        3.0: "재택|재택근무|원격|원격근무|리모트|하이브리드|시차|타임존|비동기|출근 재개|사무실 복귀|풀재택|주 2회 출근|주 3회 출근|홈오피스|집에서 근무|집에서만 일|사무실 출근|사무실로 출근|전면 출근|출근 전환|출근 의무|오피스 출근|주 1회 출근|주 4회 출근|주 5일 출근|거점 오피스|코워킹|워케이션|디지털 노마드|해외 팀|시간대 차이|시간대가 달|시간대가 다르|줌 회의|줌 미팅|구글밋|구글 미트|얼굴 본 적|얼굴도 모르|얼굴을 본 적|고립감|접속 상태|자리 비움|집이 곧 회사|집이 사무실|원격으로",
        2.0: "화상회의|카메라|집에서 일|혼자 일|고립|외로|얼굴을 못|사무실에 나가|사무실에 안 가|공유오피스|해외에서 근무|해외에서 일|미국 팀|유럽 팀|현지 시간|한국 시간|미국 시간|유럽 시간|겹치는 시간|줌으로|화상 미팅|화상으로|비대면|캠을 켜|캠 끄|캠을 끄|캠을 꺼|음소거|실제로 만난 적|한 번도 못 만난|대면으로|대면 미팅|오프라인으로 만|초록불|감시 프로그램|출퇴근|통근|아이들이 집에|메신저로만|슬랙으로만|텍스트로만|일하는 티|일하는 걸 증명|눈에 안 보이니|온라인 표시|밤 시간대 회의|새벽 회의|밤늦게 회의|본사",
        1.0: "출근하라는|집 밖을|집 밖에|하루 종일 집|집콕|소속감",
    },
    S.PRESENTATION: {
        3.0: "발표|프레젠테이션|피티|스피치|대중 앞|사람들 앞|무대|슬라이드|장표|발표자료|데모데이|컨퍼런스 발표|세미나 발표|전사 발표|사내 발표|떨려서 말|피피티|파워포인트|키노트|시연|라이브 데모|앞에 나가|많은 사람 앞|여러 사람 앞|임원 앞|임원들 앞|경영진 앞|전 직원 앞|투자자 앞|심사위원 앞|대표님 앞|사장님 앞|라이트닝 토크|테크톡|테크 토크|공유회|사내 세미나|학회 발표|심사 발표|논문 심사 발표|대본|말을 더듬|시선 처리|아이컨택|울렁증|회의에서 말을 못|회의에서 의견을 말|입을 못 떼|입이 안 떨어|공개 석상|마이크를 잡|피칭|웨비나|패널 토론|스크립트를 외",
        2.0: "말하기|청중|리허설|목소리가 떨|머리가 하얘|질의응답|데모|더듬|강연|연사|세미나에서|세미나 자료|발제|회의에서 말하|회의 때 말|회의 시간에 말|팀 앞에서|말이 빨라|말이 꼬|목소리가 작|얼굴이 빨개|질문이 들어오|전달력|스토리라인|임원 보고|보고 자리|외워서 말|말주변|말솜씨|화술|발언|청중 반응",
        1.0: "버벅|발음|손이 떨|긴장하면|설득력|말로 설명|외운 대로",
    },
    S.PROCRASTINATION: {
        3.0: "미루|미뤄|미룬|집중이 안|집중을 못|집중력|딴짓|유튜브|인스타|핸드폰만|폰만|폰을|쇼츠|릴스|손에 안 잡|시작을 못|시작이 안|뽀모도로|의지력|작심삼일|미룸|미뤘|게임만|스크롤만|방해 금지|집중 모드|타임 블로킹|아침 루틴|루틴을 지키|루틴이 무너|의지가 약|의지박약|자제력|시작하기 싫|엉덩이가 무거|손도 못 대|손도 안 대|손이 안 가|빈둥|닥쳐서|몰입이 안|잡생각|딴생각|산만해|산만하|주의가 산만|집중하는 법|집중하는 방법|집중이 잘 안|집중 안 돼|집중 안 되|집중 못|시간을 허비|하루 종일 아무것도|계획을 못 지키|스터디윗미|폰 중독|전날에야|공부하기 싫",
        2.0: "마감 직전|벼락치기|시간 낭비|하루를 날|게으|계획만 세우|휴대폰|스마트폰|넷플|틱톡|침대에서|누워서|누워만|스크롤하다|앱 잠금|할 일 목록|자기 통제|시작하기가|시작하는 게 어렵|손을 못 대|데드라인 직전|발등에 불|허비|아무것도 못 했|비생산적|캠스터디|늦잠|밤낮이 바뀌|생활 패턴|생활 리듬|나쁜 습관|멍 때|멍하니|뒹굴|마감을 놓|마감을 넘|데드라인을 놓|데드라인을 넘|막판에|몰아서|완벽주의|계획표|알림을 끄|알림 끄|집중 시간|몰입|주의력|생활 루틴",
        1.0: "웹툰|습관|늘어지|생산성|타이머|전날 밤|코앞에 닥",
    },
    S.THESIS: {
        3.0: "논문|학위논문|졸업논문|졸논|석사|박사|대학원|지도교수|교수님|연구실|랩실|실험|선행연구|문헌 조사|연구 주제|투고|학회|저널|리비전|챕터|학위|석박사|포닥|박사후|학부연구생|연구생|참고문헌|연구계획서|연구 제안서|프로포절|종심|등재지|학술지|학술대회|카메라 레디|반박문|논문 리뷰어|저널 리뷰어|학회 리뷰어|심층 인터뷰|심층면접|인터뷰 대상자|연구 참여자|반구조화|피험자|연구윤리|생명윤리|카피킬러|국책과제|연구 질문|연구문제|연구 모형|연구 방법|연구 방향|연구 설계|랩 선배|랩 동기|랩 생활|지도학생|졸업 요건|오버리프|조테로|멘델레이|관련 연구|선행 논문|연구 동향|종속변수|독립변수|통계적으로 유의|제1저자|공저자|교신저자|연구비|교수 면담|논문 심사|학위 심사",
        2.0: "쓰기 시작|초안|인용|데이터 수집|설문|분석 결과|디펜스|졸업작품|캡스톤|랩미팅|교수|게재|방법론|가설|표본|연구 노트|리젝|억셉|퇴고|표절|턴잇인|졸업 프로젝트|유의미한 차이|설문 문항|랩장|우리 랩|저희 랩|원고|녹취|연구 과제|라텍",
        1.0: "연구|유의미|인건비|조교|학부생|연구원|통계 분석|저자|서론",
    },
    S.EXAMS: {
        3.0: "시험|중간고사|기말고사|수능|자격증|정보처리기사|정처기|토익|토플|오픽|한국사|기사 시험|필기|실기|재시험|모의고사|기출|산업기사|기능사|정보보안기사|빅데이터분석기사|네트워크관리사|리눅스마스터|컴활|컴퓨터활용능력|전기기사|준전문가|공인중개사|세무사|회계사|노무사|변리사|공시생|고시생|텝스|아이엘츠|지텔프|합격률|커트라인|컷트라인|과락|재응시|응시|고사장|수험|오답|회독|문제은행|덤프 문제|쿠버네티스 자격증|도커 자격증|테라폼 자격증|자바 자격증|파이썬 자격증|클라우드 자격증|내신|입시|재수강|재수생|순공|목표 점수|합격 기준|한능검|모의 테스트",
        2.0: "합격선|공부 계획|벼락치기|암기|문제집|인강|학점|성적|임용고시|편입|기말|간격 반복|공부법|교과서|토익 스피킹|스터디 일정|챕터|범위|과목|정보처리|예상문제|요약노트|요점정리|외우|외워|외울|불합격|합격 후기|족보|밤샘 공부|밤새 공부|감독관|운전면허|점수가 안 나|점수가 안 올|점수 올리|퀴즈",
        1.0: "스터디 카페|독서실|열품타|점수|문제 풀이|스터디원|학기|교양|턱걸이",
    },
    S.LEARNING_TECH: {
        3.0: "러스트|리액트|파이썬|자바스크립트|타입스크립트|코틀린|스프링|장고|쿠버네티스|도커|테라폼|고랭|새 언어|새로운 언어|프레임워크|튜토리얼|인프런|유데미|독학|앵귤러|스벨트|플러터|스위프트|씨샵|씨쁠쁠|스칼라|파이토치|텐서플로|판다스|넘파이|랭체인|리덕스|패스트캠퍼스|노마드코더|생활코딩|혼공|클론코딩|프로그래밍 언어|두 번째 언어|언어를 배우|학습 로드맵|공부 로드맵|뭘 배워야|뭐 배워야|무엇을 배워야|러닝 커브|객체지향|다형성|캡슐화|역전파|자바 공부|학습 순서",
        2.0: "문법|개념|소유권|훅|제네릭|공식 문서|책으로|입문|차이가 뭐|차이를|원리|동작 방식|어떻게 돌아가|내부 구조|내부적으로|클로저|재귀|스레드|프로세스|이벤트 루프|신경망|정규화|조인|클래스|인스턴스|객체|비동기|의존성 배열|알고리즘|자료구조|컴파일러|인터프리터|어텐션|머신러닝|딥러닝|쿼리|자바|루비|유니티|강의만 듣|강의만 보|따라치|따라 만들|예제|실습|기초부터|공부 순서|뭘 공부해야|포인터|메모리 관리|가비지|제너릭|상속|함수형|콜백|프로미스|코루틴|타입 시스템|데코레이터|의존성 주입|디자인 패턴|자료형|반복문|조건문|운영체제|컴퓨터 구조|임베딩|트랜스포머|파인튜닝|과적합|강화학습|상태 관리|진입장벽|유튜브 강의|온라인 강의|개발 언어|언어 공부",
        1.0: "강의|기초|인공지능|람다|인터페이스|컴포넌트|동시성|책 추천|초보|배우고 싶|배우는 중|배우고 있|배울까",
    },
    S.DEBUGGING: {
        3.0: "버그|디버깅|에러|오류|예외|스택 트레이스|트레이스백|크래시|튕겨|뻗어|널포인터|플레이키|재현|메모리 릭|메모리 누수|데드락|무한 루프|브레이크포인트|빌드가 깨|빌드 실패|컴파일 에러|테스트가 실패|테스트 실패|안 돌아|안 먹혀|로컬에선 되는데|로컬에서는 되는데|로컬에서 되는데|로컬에서는 잘|서버에서만|빌드 에러|빌드 오류|빌드가 안|빌드가 또|빌드 깨|빌드가 터|간헐적|디버거|디버그|로그 찍|로그를 찍|세그폴트|무한 로딩|무한 렌더링|하얀 화면|빈 화면|화면이 안 나|한글이 깨|글자가 깨|튕김|익셉션|레이스 컨디션|동시성 문제|동시성 이슈|의존성 충돌|버전 충돌|모듈을 찾을 수|테스트가 깨|테스트 깨|테스트가 가끔|어제까지 잘|어제는 잘 되|트러블슈팅",
        2.0: "깨져|깨지|터져|터지|수정했는데|뜨는데|떠요|뜨고|뜨네요|안 먹|죽어요|날아간|꼬였|실패해요|못 찾|가운데 정렬|커널이|메모리가|느려졌|튀었|레이턴시|못 나가|깨져요|먹통|로컬|운영에서만|깨졌|콘솔|타임아웃|메모리 부족|스택 오버플로|화면이 깨|프리징|멈춤 현상|값이 이상|이상한 값|값이 안 들어|값이 안 나|결과가 이상|작동하지 않|동작하지 않|작동 안|동작 안|제대로 안 돼|머지 충돌|컨플릭트|설치가 안|퍼미션|캐시 지우|캐시를 지우|재설치|껐다 켜|재부팅|버전 올리고|버전을 올렸|업데이트 후|업데이트하고 나서|갑자기 안 돼|갑자기 안 되|갑자기 죽|호환이 안|삽질|응답이 이상|널값|언디파인드|테스트가 안|원인을 못 찾",
        1.0: "쿼리|터졌|왜 안 되|찾을 수 없|멈춰|원인을 모르겠",
    },
    S.CODE_REVIEW: {
        3.0: "코드리뷰|리뷰어|리뷰 코멘트|풀리퀘|풀 리퀘스트|머지|어프루브|리뷰 받|리뷰를 받|리뷰를 달|리뷰 달|코멘트가|피알|리뷰 요청|리뷰를 요청|리뷰 대기|리뷰가 밀|리뷰가 안 와|리뷰가 늦|리뷰를 안 해|리뷰 안 해|리뷰가 쌓|리뷰 쌓|닛픽|니트픽|엘지티엠|체인지 리퀘스트|리뷰 문화|리뷰 매너|리뷰 에티켓|리뷰 가이드|리뷰 기준|리뷰 말투|코멘트 말투|리뷰를 남기|리뷰 남기|날카로운 리뷰|가혹한 리뷰|리뷰가 날카|변경된 파일",
        2.0: "컨벤션|가독성|리팩토링|리팩터링|분리했|쪼갬|나눴는데|리뷰 24시간|엠알|줄짜리|리뷰가 너무|리뷰해주|리뷰할|리뷰하면서|리뷰를 하|리뷰를 해야|리뷰해야|리뷰에서|코멘트를 남|코멘트 남|코멘트를 달|코멘트 달|코드 지적|코드를 지적|사소한 지적|변수명|변수 이름|함수명|네이밍|이에스린트|프리티어|스타일 가이드|코딩 스타일|코드 스타일|코드 퀄리티|코드 품질|클린 코드|중복 코드|매직 넘버|커밋 메시지|커밋 메세지|커밋 단위|동료 리뷰|페어 리뷰|주니어 코드|신입 코드|후배 코드|변경량",
        1.0: "코멘트|주석|하드코딩|리베이스|수정 요청|승인을 안|승인이 안",
    },
    S.SYSTEM_DESIGN: {
        3.0: "시스템 설계|아키텍처|마이크로서비스|모놀리식|모놀리스|확장성|스케일|데이터베이스|스키마|샤딩|레플리케이션|캐시|캐싱|메시지 큐|카프카|이벤트 기반|로드밸런서|트레이드오프|정합성|처리량|레이턴시|설계 문서|테이블 설계|데이터 모델링|역정규화|반정규화|인덱스를 걸|인덱스 설계|인덱스 추가|몽고디비|레디스|포스트그레|엘라스틱서치|메시지 브로커|이벤트 소싱|이벤트 드리븐|사가 패턴|아웃박스|수평 확장|수직 확장|분산 트랜잭션|격리 수준|비관적 락|낙관적 락|단일 장애점|이중화|고가용성|서비스 분리|서비스를 나누|서비스를 쪼개|도메인 분리|모듈 분리|헥사고날|도메인 주도|대용량|대규모 트래픽|초당 요청|확장 가능|레플리카|파티셔닝|샤드|디자인 문서|서킷 브레이커|설계 리뷰|설계안|아키텍쳐|모놀리틱",
        2.0: "서버 구조|인프라|가용성|트래픽|동시 접속|설계|래빗|다이나모|쿼리 최적화|관계형|트랜잭션|대기열|배치 처리|배치 작업|결합도|응집도|버저닝|서버리스|게이트웨이|서버 비용|인프라 비용|클라우드 비용|사용자가 늘|유저가 늘|사용자가 많아지|유저가 많아지|오버엔지니어링|과설계|과한 설계|백엔드 구조|서버 구성|읽기 부하|쓰기 부하|부하 분산|동시성 처리|동시 요청|요청이 몰|데이터 흐름|데이터 파이프라인|외래키|정규형|조회 성능",
        1.0: "인덱스|병목|엔드포인트|구조를 잡|대규모|스토리지",
    },
    S.DEPLOYMENT: {
        3.0: "배포|릴리즈|릴리스|롤백|인시던트|온콜|당직|페이저|포스트모템|회고 문서|핫픽스|파이프라인|카나리|블루그린|스테이징|운영 서버|프로덕션|서비스가 죽|서버가 죽|다운타임|모니터링|알람|얼럿|운영 환경|운영DB|운영 디비|운영 반영|운영에 반영|운영 데이터|상용 서버|상용 환경|상용 배포|실서버|라이브 서버|서비스 중단|서비스가 멈|서비스 먹통|서버 다운|서버가 다운|서버가 터|서버가 뻗|서버 뻗|사이트가 죽|사이트 다운|사이트가 다운|에러율|고객 영향|사용자 영향|문의 폭주|문의가 폭주|문의가 쏟아|비상 대기|새벽 호출|새벽에 전화|알럿|재발 방지|블레임리스|젠킨스|깃헙 액션|코드 프리즈|코드 동결|무중단|롤아웃|기능 플래그|피처 플래그|피쳐 플래그|피처 토글|긴급 패치|긴급 수정|데이터 유실|데이터가 날아|테이블을 날|가동률|업타임|서버 점검|긴급 점검|프로드|장애가|장애 대응|장애 났|서비스 장애|장애 발생|장애 공지|장애 보고",
        2.0: "새벽에|주말에 호출|새벽 3시|결제|인증서|웹훅|깃허브 액션|도커 이미지|운영계|실서비스|서버 터|접속이 안|트래픽이 몰려|트래픽 폭주|자다가 깨|자다 깨|알림이 울|경보|정기 점검|원복|리버트|아르고|헬름|사후 분석|스토어 심사|그라파나|데이터독|프로메테우스|데브옵스|헬스체크|파드|서버 이전|서버 마이그레이션|운영 이슈|라이브 환경",
        1.0: "호출이 와|되돌렸|대시보드|센트리|고객사|새벽 작업",
    },
    S.OPEN_SOURCE: {
        3.0: "오픈소스|메인테이너|컨트리뷰트|컨트리뷰션|기여하|기여를|첫 기여|이슈를 올|업스트림|포크|라이선스|라이센스|깃허브 이슈|컨트리뷰터|컨트리뷰톤|커미터|외부 기여자|기여 가이드|번역 기여|라이브러리에 기여|기여해 보고 싶|기여할 만한|굿 퍼스트 이슈|깃헙 이슈|깃허브 스타|깃헙 스타|이슈 트래커|이슈 템플릿|메일링 리스트|카피레프트|퍼블릭 레포|공개 저장소|구글 서머 오브 코드|깃허브 스폰서|깃헙 스폰서|아파치 재단|리눅스 재단|행동 강령|이슈 트리아지|유지보수자|라이브러리에 PR",
        2.0: "깃허브|레포|저장소|후원|커뮤니티 프로젝트|깃헙|기여자|기여 경험|기여할 수 있는|코어 개발자|코어 멤버|커뮤니티 버전|패치를 보냈|패치를 보내|패치를 올|이슈에 댓글|첫 이슈|방치된 이슈|이슈 라벨|라이브러리 저자|라이브러리 작성자|라이브러리를 공개|공개 라이브러리|소스 공개|소스를 공개|소스 코드를 공개|상업적 이용|상업적으로 사용|상업적으로 써|저작권 표시|체인지로그|시맨틱 버저닝|리눅스 커널|문서 번역|유지관리자",
        1.0: "기여|이슈|이슈 등록|이슈를 등록|이슈를 남기|이슈를 남겼|레포에 PR|프로젝트에 PR|코드를 공개|저작권|스폰서|다운스트림|오타 수정|트리아지|자원봉사|공개 프로젝트|디스커션",
    },
    S.SIDE_PROJECT: {
        3.0: "사이드 프로젝트|사플|토이 프로젝트|개인 프로젝트|내 앱|제 앱|앱을 만들|서비스를 만들|런칭하고 싶|수익화|부수입|인디 해커|사이드 플젝|토이 플젝|개인 플젝|혼자 만든 앱|인디 개발|부업으로|부업을|부업이|부업 수익|투잡|사이드잡|월 수익|광고 수익|애드센스|유료 전환|유료화|유료 사용자|첫 매출|첫 수익|유저를 모|앱 심사|아이디어 검증|사업 아이템|완성한 적이 없|제가 만든 서비스|내가 만든 서비스|제가 만든 앱|내가 만든 앱|주말 프로젝트|취미 프로젝트|취미로 개발|프로덕트 헌트|개인 서비스|퇴근하고 만들|퇴근 후 코딩|퇴근하고 코딩",
        2.0: "퇴근 후|주말마다|주말에 만들|끝까지 못|완성을 못|중간에 그만|도메인|랜딩 페이지|첫 사용자|사용자를 모|사이드로|혼자 만드는|혼자 만들고 있는|제 서비스|개인 웹사이트|개인 홈페이지|크롬 익스텐션|크롬 확장|앱스토어|플레이스토어|앱 출시|앱을 출시|디스코드 봇|봇을 만들|시장 검증|만들다 말|만들다 만|흐지부지|끝낸 적이 없|출시까지|주말 코딩|주말에 코딩|혼자 개발|개인 개발|개인적으로 만드|호스팅 비용|런칭|수익이 안|돈이 안 되|아이디어가 너무 많|사용자가 없|쓰는 사람이 없|아무도 안 써|유저가 없",
        1.0: "결제 연동|결제 기능|마무리를 못|아이디어만|서버비|홍보|출시했|창업|외주|사용자 피드백|마케팅|앱 개발|수익|구독자|엎었|취미로|가입자",
    },
    S.BURNOUT: {
        3.0: "번아웃|탈진|지쳤|지쳐|지친다|녹초|과로|야근|주말 출근|업무량|일이 너무 많|일이 많아|워라밸|쉬고 싶|휴가|휴직|퇴사하고 싶|에너지가 없|방전|매일 야근|주 60시간|주 70시간|소진됐|소진되|기력이 없|기운이 없|기진맥진|체력이 바닥|몸이 망가|너무 피곤|항상 피곤|새벽까지 일|새벽 퇴근|퇴근을 못|퇴근이 늦|늦게 퇴근|늦은 퇴근|주말에도 일|주말에도 출근|주말 근무|주말이 없|주말도 없|연차를 못|쉴 틈|숨 돌릴|휴식이 필요|쉬지도 못|과중|업무 과다|업무가 몰|일이 몰|일이 쏟아|일폭탄|두 사람 몫|인력 부족|충원이 안|퇴근해도|쉬는 날에도|업무 카톡|월요일이 두렵|월요일이 무섭|월요병|출근하기 싫|출근이 두렵|한계에 다다|한계가 왔|진이 빠|일 중독|워커홀릭|초과근무|특근|철야|크런치|주 52시간|일에 치여|업무에 치여|지치|지친",
        2.0: "버겁|감당이 안|못 버티|잠을 못|밤늦게|과부하|쌓여|멘탈|퇴근 후|퇴근하고도|업무 메시지|칼퇴|선을 그|일요일 저녁|출근 전|가슴이 조여|쉬겠다|병가|상담|주말에 제대로|떠안|잠이 안|새벽 4시|회사 생각|피곤|체력이 안|건강이 나빠|건강이 안 좋|몸이 안 따라|새벽까지|밤 10시|밤 11시|막차|연차 쓰|연차를 쓰|쉬어야|쉬는 날|사람이 부족|슬랙 알림|밤에도 연락|퇴근 후에도|마음의 여유가 없|여유가 없|허덕|너무 바빠|추가 근무|하루 12시간|몸살",
        1.0: "소진|무기력|체력|연차|충원|아무것도 하기 싫|한계|불면",
    },
    S.IMPOSTER: {
        3.0: "가면 증후군|임포스터|자격이 없|실력이 없|실력이 부족|부족한 것 같|나만 못|나만 모르|다들 잘하|다른 사람들은 잘|비교하게|비교돼|들킬까|들통|운이 좋아서|운으로|내가 여기 있어도|자신감이 없|자존감|사기꾼 같|가짜 개발자|과대평가|분에 넘치|운빨|운이었|실수로 뽑|잘못 뽑|뽑은 걸 후회|나만 뒤처|나만 느린|나만 이해 못|나만 헤매|나만 모자|나 빼고 다|저 빼고 다|다들 똑똑|다들 너무 잘|남들에 비해|남들과 비교|동기들보다|재능이 없|소질이 없|머리가 안 좋|실력이 드러날|밑천이 드러|알아챌까|자격이 있는지|시니어답지 않|시니어 자격|자기 의심|스스로를 의심|자신감이 떨어|자신감을 잃|열등감|제가 여기 있어도|제일 못하|제일 못해|짐만 되|개발자 자격|무능한",
        2.0: "무능|모자라|뒤처|자신이 없|한심|쓸모없|비판|움츠러|후회할까|안 어울린|똑똑한 애|가치를|들킬까 봐|사기꾼|과분|운이 좋았|능력이 없|능력이 부족|나만 제자리|나 빼고|저 빼고|남들은 다|남들보다|동기들은|또래|잘하는 사람들|자격이 되|시니어인데 아직|주니어 같|주니어 수준|연차만 쌓|주눅|위축|작아지|초라|민폐만|짐이 되|진짜 개발자|개발자 맞나|구글링 없이|기가 죽|잘하는 척|아는 척",
        1.0: "가짜|자신감|멍청|실력에 비해|비교하면|재능|적성이 아닌|바보 같|꼴찌|민폐|질투|부러워|창피|연차에 비해|완벽주의",
    },
    S.MOTIVATION: {
        3.0: "동기부여|의욕|열정|흥미를 잃|재미가 없|재미없|방향을 잃|방향성|뭘 해야 할지|뭘 하고 싶은지|하고 싶은 게 없|의미가 없|의미를 모르|왜 하는지|정체기|슬럼프|매너리즘|권태|흥미가 없|흥미가 떨어|흥미를 못|관심이 사라|재미를 못 느|재미를 잃|즐겁지 않|설레지 않|하고 싶은 게 뭔지|내가 뭘 원하는지|제가 뭘 원하는지|방향을 못 잡|방향이 안 보|길을 잃|어디로 가야|어떻게 살아야|커리어 방향|인생 방향|목적의식|삶의 목표|꿈이 없|보람이 없|성취감이 없|왜 개발자가 됐|왜 이 일을|예전 같지 않|공허|허무|정체된 느낌|제자리걸음|성장이 멈|성장이 없|배우는 게 없|배울 게 없|자극이 없|도전이 없|쳇바퀴|삶의 의미|일의 의미|사는 이유|동기가 없|회의감|뭘 위해|가슴 뛰는 일",
        2.0: "목표가 없|목표를 잃|지루|심드렁|예전엔 좋았|좋아했는데|재미있었는데|왜 계속|현타|의미|무의미|의미 없|정체된|동력|즐거움|설렘|하고 싶은 일|진로 고민|커리어 고민|보람|성취감|이 길이 맞|무기력|아무것도 하기 싫|코딩이 싫|개발이 싫|개발이 재미|코딩이 재미|예전만큼|초심|반복되는 일|기계처럼|영혼 없이|월급 받으려고|좋아하는 일|안주하",
        1.0: "진로|방향|자극|의지가 없|손이 안 가|허탈|앞으로 뭘|적성|시키는 일만|돈 때문에|우울|갈팡질팡",
    },
}
