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
        3.0: "job offer|offer letter|counter offer|counteroffer|counter|salary negotiation|negotiate my salary|negotiate the salary|negotiating salary|signing bonus|sign on bonus|compensation|comp package|total comp|base salary|lowball*|equity|stock options|rsus|rsu",
        2.0: "offer|offers|salary|negotiat*|raise|bonus|relocation|starting salary|their number|lower than i hoped|below market|market rate|payslip|contract|cliff|vest|vesting|options|ask of|per hour|hourly rate|signing|take the first number|first number|comp",
        1.0: "recruiter|deadline to respond|two offers",
    },
    S.INTERVIEW: {
        3.0: "interview*|interviewer*|onsite|on site|phone screen|tech screen|technical screen|coding test|coding challenge|take home|takehome|whiteboard|behavioral|behavioural|star method|hiring manager round|final round",
        2.0: "leetcode|recruiter call|rejected after|rejection email|tell me about yourself|questions to ask|case study|assessment|hiring process",
        1.0: "nervous about tomorrow",
    },
    S.JOB_SEARCH: {
        3.0: "resume|resumes|cv|portfolio|job search|job hunt*|job hunting|applying to jobs|applications|applied to|cover letter|no callbacks|callback*|job board*|first job|entry level|junior role*|new grad|ats",
        2.0: "apply|applying|applied|openings|positions|job posting*|listings|linkedin profile|unemployed|laid off and looking|looking for a job|looking for work|get hired|ghosted|résumé|resume bullets|summary line|application*|portal|restructure|restructuring|contract ends|visa|sponsor|mock interview each other",
    },
    S.PROMOTION: {
        3.0: "okr|kpi|kpis|promotion|promoted|promo|performance review|perf review|review cycle|self review|self evaluation|self assessment|calibration|next level|level up to|senior title|staff engineer|career ladder|leveling|levelling|performance improvement plan",
        2.0: "meets expectations|exceeds expectations|annual review|mid year review|feedback from my manager|goals for the year|okrs|brag doc*|growth plan",
    },
    S.CAREER_CHANGE: {
        3.0: "career change|change careers|changing careers|switch careers|switching careers|career switch|career pivot|pivot into|transition into|move into tech|break into|bootcamp*|from marketing to|from teaching to|from finance to|career changer|ic or manager|manager track|management track|ic track|become a manager",
        2.0: "switch to|switching to|move into|moving into|new field|different field|another field|change fields|leave engineering|leave tech|data science|product management|become a pm|retrain*|self taught|at my age|too old to|devrel|developer relations|product company|agency|team lead position|team lead role|frontend or backend|master s|ml engineering|move from|moving from|qa into|ux research|become a developer|become a dev|to dev|roadmap to dev|pm role|staff engineer track|barista|accounting job|leave teaching|left teaching",
    },
    S.NETWORKING: {
        3.0: "networking|meetup*|mentor|mentorship|referral*|cold message*|cold email*|cold outreach|reach out to|linkedin|conference*|coffee chat*|informational interview*",
        2.0: "connections|connect with|introduce myself|small talk|people in the industry|messaged",
        1.0: "introvert",
    },
    S.MANAGER: {
        3.0: "my manager|my boss|my lead|my team lead|my supervisor|micromanag*|manager keeps|boss keeps|manager wants|boss wants|manager said|boss said|my director|skip level|one on one*|1 1s|1on1*",
        2.0: "boss|supervisor|expectations are unclear|unclear expectations|takes over|overrides|talks over me|checks on me|breathing down",
    },
    S.RECOGNITION: {
        3.0: "took credit|takes credit|taking credit|stole credit|credit for my|credit for our|no credit|zero credit|recognition|recognized|recognised|unrecognized|unrecognised|invisible work|unnoticed|nobody noticed|nobody thanked|not appreciated|underappreciated|unappreciated|shout out|shoutout|kudos",
        2.0: "credit|thanked|thank me|acknowledge*|visibility|visible|my impact|show impact|showcase|presented my work|my work as his|my work as her|their own|show my work|brag",
    },
    S.TEAM_CONFLICT: {
        3.0: "conflict|coworker|co worker|colleague|teammate*|team member*|my peer|tension in the team|tension on the team|argued|argument|disagree with|disagreement|clash*|blame*|passive aggressive|not pulling their weight|doesnt pull|slacking|toxic",
        2.0: "feud|drama|gossip|rude|dismissive|ignores me|wont listen|keeps interrupting|undermin*|friction|awkward between|coworkers|colleague s|peer|peers|someone on my team|my teammate",
        1.0: "colleagues",
    },
    S.LEADERSHIP: {
        3.0: "lead a team|leading a team|team lead|tech lead|first time lead|first time manager|new manager|new lead|my reports|direct report*|delegat*|my team is|my team keeps|running standup*|run standups|run the meeting|give feedback to|giving feedback|hire for my team|hiring for my team|manage people|managing people|1 1s with my",
        2.0: "lead the|manage a team|managing a team|as a manager|as a lead|my engineers|mentor juniors|mentoring juniors|onboard juniors|team morale|motivate my team|roadmap for the team|underperform*|roadmap|sprint|sprints|backlog|retro|retros|retrospective|prioritis*|prioritiz*|workshop|offsite|hackathon|standup|standups|working agreement|hiring for|our team wants|as a team|squad|velocity|tech debt|engineering manager|first 90 days as|run of show|coaching|bake off|team of|ticket*|triage",
    },
    S.ONBOARDING: {
        3.0: "ojt|onboarding|new job|new role|new team|new company|first week|first weeks|first month|first day|first 90 days|just joined|just started|started last week|started a new|probation|probation period|ramp up|ramping up|huge codebase|giant codebase|legacy codebase|new hire",
        2.0: "just moved to|fit in|fitting in|dumb questions|ask questions|too many questions|learning the codebase|the codebase|nobody explains|documentation is|docs are|tribal knowledge|joined last|a year since i joined|first ever",
    },
    S.REMOTE_WORK: {
        3.0: "remote|remotely|work from home|working from home|wfh|hybrid|time zone*|timezone*|async|asynchronous|distributed team|fully remote|home office|return to office|rto",
        2.0: "video calls|camera on|camera off|isolated|lonely at home|never see|in person|office days|commute|overlap hours",
    },
    S.PRESENTATION: {
        3.0: "presentation|presenting|present to|present at|public speaking|speaking in public|give a talk|giving a talk|my talk|lightning talk|conference talk|keynote|slides|slide deck|stage fright|speak up in meetings|speaking up|pitch|demo day|all hands|defense talk",
        2.0: "speech|audience|rehearse|rehears*|on stage|microphone|mic|voice shakes|blank out|q and a|q a",
        1.0: "crowd",
    },
    S.PROCRASTINATION: {
        3.0: "procrastinat*|put off|putting off|keep putting|cant start|cant get started|cant focus|cant concentrate|distracted|distraction*|doomscroll*|scrolling|my phone|youtube|tiktok|reddit instead|pomodoro|deep work|attention span|adhd",
        2.0: "motivation to start|start working|get started|last minute|the night before|deadline slipping|avoid*|wasting time|waste the day|waste my day|discipline|lazy",
    },
    S.THESIS: {
        3.0: "thesis|dissertation|my paper|research paper|literature review|lit review|advisor|adviser|supervisor says|my professor|phd|masters|grad school|graduate school|research question|methodology|experiments|journal|conference paper|reviewer 2|reviewers|citation*|manuscript",
        2.0: "research|paper|publish|publication|defense|defence|committee|data collection|results section|abstract|arxiv|academia|academic|professor|graduation project|capstone|lab meeting|literature|hypothesis",
    },
    S.EXAMS: {
        3.0: "sqld|adsp|opic|aws certification|exam|exams|midterm*|finals|final exam|certification|certificate|certified|aws saa|solutions architect|cka|ckad|toeic|toefl|ielts|jlpt|gre|sat|bar exam|cpa|test prep|mock test|practice test|retake|passed the|failed the test|study for",
        2.0: "quiz|passing score|grade|grades|gpa|cram*|flashcards|past papers|syllabus|study plan|studying|mock|mock scores|cfa|cert|security|oscp|ceh|comptia|spaced repetition|study technique|textbook|semester|exam prep|mates are preparing|chapters|associate|developer associate|cramming|spacing",
    },
    S.LEARNING_TECH: {
        3.0: "learn rust|learn react|learn python|learn go|learn java|learn kotlin|learn typescript|learn javascript|learning rust|learning react|learning python|learning go|learning kotlin|learning typescript|new language|new framework|tutorial hell|tutorials|udemy|coursera|which language|which framework|rust|react|vue|angular|svelte|spring|django|flask|fastapi|kubernetes|k8s|docker|terraform|swift|kotlin|typescript|golang|haskell|elixir",
        2.0: "framework|ownership|borrow checker|hooks|generics|monads|closures|async await|self study|roadmap to learn|difference between|under the hood|how does git|event loop|closure|recursion|recursive|process and a thread|threads|thread|sql|join|joins|neural net*|regularisation|regularization|tcp|oauth|authentication|authorisation|authorization|list comprehension*|compiler*|interpreter*|crafting interpreters|packfiles|snapshots|gil|useeffect|dependency array|var|let|setTimeout|single threaded|garbage collect*|big o|data structure*|algorithm*|llm|llms|attention|transformer*|machine learning|ml|orm|regex",
    },
    S.DEBUGGING: {
        3.0: "bug|bugs|debug*|error|errors|exception|stack trace|stacktrace|traceback|crash*|segfault|null pointer|nullpointer|undefined is not|cannot read property|npe|flaky|race condition|memory leak|deadlock|infinite loop|breakpoint*|git bisect|repro|reproduce|works on my machine|404|500 error|500s|timeout error|keeps failing|test fails|tests fail|failing test*|build fails|build is failing|wont compile|doesnt compile|compile error",
        2.0: "doesnt work|not working|stopped working|throws|returns null|returns undefined|wrong output|fix it|fix this|root cause|regression|modulenotfounderror|cors|access control allow origin|segmentation fault|core dumped|out of memory|heap|detached head|head detached|merge conflict|eresolve|kernel appears to have died|kernel died|does not match|cant reach|could not|failed to|blank white screen|blank screen|panic|oom|n 1|seq scan|p99|p95|crashloop*|pod install|cocoapods|goroutine*|mutex|datasource|econnrefused|etimedout|assertionerror|syntaxerror|typeerror|importerror|keyerror|valueerror|nan|center a div|vim|git push|force push|node modules|venv|virtualenv|jupyter|pipenv",
    },
    S.CODE_REVIEW: {
        3.0: "code review*|pr review*|reviewing prs|reviewing pull|pull request*|prs|my pr|his pr|her pr|their pr|review comments|reviewer*|nitpick*|nits|lgtm|approve my|approved|request changes|requested changes|big pr|huge pr|stacked prs",
        2.0: "comments on my|left comments|feedback on my code|reviewed|style guide|linter|readability|refactor*|split a|function into|sanity check it|first pr|working agreement",
    },
    S.SYSTEM_DESIGN: {
        3.0: "msa|db design|db schema|dau|tps|system design|architecture|architect*|microservice*|monolith|scal*|database|databases|schema design|sharding|replication|caching layer|queue|kafka|pubsub|pub sub|event driven|load balancer|cap theorem|consistency|throughput|latency|api design|design doc|rfc|trade off*|tradeoff*|postgres|mysql|mongodb|dynamodb|redis|grpc|rest vs",
        2.0: "infrastructure|distributed|availability|partition|requests per second|rps|qps|users per day|million users|data model",
    },
    S.DEPLOYMENT: {
        3.0: "deploy*|deployment|rollback|roll back|rolled back|outage|incident*|on call|oncall|pager|paged|pagerduty|postmortem|post mortem|sev1|sev 1|sev2|hotfix|ci cd|cicd|pipeline|canary|blue green|staging|production|prod is down|prod down|in prod|downtime|sla|slo|alerts|alerting|runbook",
        2.0: "prod|ship it|rollout|roll out|monitoring|dashboards|3am|2am|middle of the night|woke me up|weekend on call|charged twice|webhook|ssl cert*|certbot|nginx|github actions|ci|docker image|kubernetes|k8s|pods",
    },
    S.OPEN_SOURCE: {
        3.0: "open source|opensource|oss|maintainer*|first contribution|contribute to|contributing to|contributor*|good first issue|upstream|forked|github issue*|my pr to|license|licence|mit license|gpl|hacktoberfest",
        2.0: "github|issue tracker|merged my|community project",
        1.0: "contribut*",
    },
    S.SIDE_PROJECT: {
        3.0: "solo developer|side project*|side hustle|personal project*|pet project|hobby project|weekend project|indie hacker*|my app|my saas|saas|mvp|launch my|ship my|product hunt|users for my|monetiz*|monetis*|passive income|ideas for a project",
        2.0: "after work|on weekends|nights and weekends|in my free time|finish it|never finish|abandoned|half finished|unfinished|domain name|landing page|first users",
    },
    S.BURNOUT: {
        3.0: "burnout|burned out|burnt out|burning out|exhausted|exhaustion|overworked|overwork*|too much work|workload|overtime|60 hour*|70 hour*|80 hour*|no energy|drained|running on empty|need a break|vacation|time off|sabbatical|work life balance|work life|no weekends|weekends too",
        2.0: "so tired|cant keep up|too many tasks|piling up|swamped|stretched thin|long hours|late nights|every night|every weekend|sick leave|mental health|boundaries|set boundaries|after hours|10pm|11pm|work messages|sunday evening*|dread|wellbeing|well being|pto|switch off|cant switch off|recovery|exhausting|weekends with|hrs week|hours a week|days off|reply at",
    },
    S.IMPOSTER: {
        3.0: "imposter|impostor|fraud|not good enough|not smart enough|dont belong|everyone is smarter|everyone else is smarter|smarter than me|better than me|found out|fake it|faking it|self doubt|doubt myself|doubting myself|compare myself|comparing myself|not qualified|underqualified|dont deserve|lucky to be here|just got lucky",
        2.0: "inadequate|incompetent|behind everyone|slower than|compared to|insecure|worthless|criticism|downplay|weakest|deserve|regret hiring|froze|smart kid|worth|tied my worth|found out i|google how",
    },
    S.MOTIVATION: {
        3.0: "motivation|motivated|unmotivated|demotivated|lost interest|lost my passion|no passion|no direction|lost direction|what to do with my life|what to do with my career|meaning|meaningless|purpose|why i do this|why am i doing|passion|bored|boring|stagnat*|plateau*|in a rut|rut|going through the motions",
        2.0: "spark|excited anymore|dont enjoy|used to love|enjoy coding|love coding|the point|whats the point|why i keep|keep doing this|point of|mulling",
    },
}

KO_SUBJECT: Lexicon[S] = {
    S.JOB_OFFER: {
        3.0: "연봉협상|처우협의|처우|오퍼|오퍼레터|카운터오퍼|사이닝보너스|스톡옵션|연봉 제시|제시한 연봉|희망연봉|연봉을 올려|연봉 올려|연봉이 낮|연봉이 적|연봉 테이블",
        2.0: "연봉|협상|보상|성과급|인센티브|계약 조건|기본급|이직 제안|두 군데 합격|두 곳 합격|합격했는데|최종합격|계약서|포괄임금|연봉 인상|인상|처음 부른|제시",
    },
    S.INTERVIEW: {
        3.0: "면접|인터뷰|코딩테스트|코테|기술면접|인성면접|임원면접|과제전형|화이트보드|라이브코딩|최종면접|면접관|자기소개",
        2.0: "면접 준비|면접 복기|면접에서|떨어졌|탈락|예상 질문|질문 리스트|전화 인터뷰|리크루터",
    },
    S.JOB_SEARCH: {
        3.0: "이력서|포트폴리오|포폴|자소서|자기소개서|취준|취업준비|구직|서류 탈락|서류 합격|서류에서|지원서|채용공고|신입 지원|첫 취업|취업|잡코리아|사람인|원티드|서류",
        2.0: "지원했|지원하|지원할|공고|연락이 없|연락 없|경력 기술|링크드인 프로필|경력 요약|재계약|구조조정|이직 스터디|모의면접|지원 시기",
    },
    S.PROMOTION: {
        3.0: "승진|진급|성과평가|인사평가|고과|평가 시즌|자기평가|레벨업|시니어 승진|직급|등급|캘리브레이션|평가 면담|성과 면담",
        2.0: "평가|고과 시즌|연말 평가|목표 설정|리뷰 시즌|피드백 면담",
        1.0: "시니어|레벨",
    },
    S.CAREER_CHANGE: {
        3.0: "직무전환|전직|커리어 전환|진로 변경|비전공|부트캠프|국비|국비지원|개발자로 전향|개발자로 전직|전향|매니저 트랙|관리자 트랙|매니저로 갈지|문과 출신|나이가 많은데",
        2.0: "직무를 바꾸|분야를 바꾸|다른 분야|다른 직무|옮기고 싶|넘어가고 싶|데이터 분석가로|기획으로|개발로 넘어|데브렐|자사 서비스|이동 제안|프론트를 해야|백엔드를 해야|직무 알아보|개발자 되기|전향하려|언어학",
    },
    S.NETWORKING: {
        3.0: "네트워킹|인맥|밋업|컨퍼런스|멘토|멘토링|추천 채용|레퍼럴|링크드인|커피챗|스터디 모임|개발자 모임",
        2.0: "연락해 보|연락을 해|모르는 사람|선배|현직자|사람을 만나|사람들과 친해|인사를 하",
    },
    S.MANAGER: {
        3.0: "팀장님|팀장이|팀장은|팀장한테|팀장 때문|상사|부장님|부장이|과장님|실장님|매니저가|매니저님|리드가|마이크로매니징|원온원|윗사람|직속 상사",
        2.0: "보고를|보고할|지시|간섭|기대치가|기대하는 게|뭘 원하는지",
    },
    S.RECOGNITION: {
        3.0: "공을 가로채|공을 가져|공로|인정을 못|인정받지|인정을 안|알아주지|알아주는 사람|생색|티가 안|티 안 나|묻히|내 아이디어를|제 아이디어를|가로챘|자기가 한 것처럼|자기 공",
        2.0: "인정|고맙다는|감사 인사|성과를 보여|어필|보이지 않는 일|잡일",
    },
    S.TEAM_CONFLICT: {
        3.0: "갈등|동료|팀원|사수|부사수|입사 동기|다퉜|싸웠|말다툼|의견 충돌|신경전|불화|책임 전가|남 탓|무임승차|일을 안 해|뒷담|험담",
        2.0: "사이가 안 좋|사이가 틀어|무시하|말을 끊|언성|예민하|기분 나쁘|어색해|동료가|팀원이|팀원한테|단톡방",
    },
    S.LEADERSHIP: {
        3.0: "팀을 이끌|팀을 맡|팀장이 됐|팀장이 되|리드를 맡|리더가 됐|리더가 되|처음 리드|테크 리드|팀원들한테|팀원들에게|위임|피드백을 주|팀 회의를|스탠드업을|팀원 채용|면접관으로|팀 분위기",
        2.0: "리더|리더십|이끌|관리해야|팀원 관리|동기부여|성과가 안 나오는 팀원|주니어들|스프린트|백로그|회고|우선순위|워크숍|해커톤|스탠드업|팀 규칙|스쿼드|기술 부채|매니저로서|신임|로드맵|분기|팀 전체|진행 순서|멘토링 모임|티켓",
    },
    S.ONBOARDING: {
        3.0: "온보딩|입사한 지|입사 첫|첫 출근|첫 주|첫 달|신규 입사|수습|수습기간|이직한 지|새 회사|새 팀|새로운 팀|적응|코드베이스가 너무|레거시 코드|인수인계",
        2.0: "들어온 지|적응이|물어봐도 되|질문하기|눈치 보|문서가 없|히스토리를 몰",
    },
    S.REMOTE_WORK: {
        3.0: "재택|재택근무|원격|원격근무|리모트|하이브리드|시차|타임존|비동기|출근 재개|사무실 복귀|풀재택|주 2회 출근|주 3회 출근",
        2.0: "화상회의|카메라|집에서 일|혼자 일|고립|외로|얼굴을 못",
    },
    S.PRESENTATION: {
        3.0: "발표|프레젠테이션|피티|스피치|대중 앞|사람들 앞|무대|슬라이드|장표|발표자료|데모데이|컨퍼런스 발표|세미나 발표|전사 발표|사내 발표|떨려서 말",
        2.0: "말하기|청중|리허설|목소리가 떨|머리가 하얘|질의응답",
    },
    S.PROCRASTINATION: {
        3.0: "미루|미뤄|미룬|집중이 안|집중을 못|집중력|딴짓|유튜브|인스타|핸드폰만|폰만|폰을|쇼츠|릴스|손에 안 잡|시작을 못|시작이 안|뽀모도로|의지력|작심삼일",
        2.0: "마감 직전|벼락치기|시간 낭비|하루를 날|게으|계획만 세우",
    },
    S.THESIS: {
        3.0: "논문|학위논문|졸업논문|졸논|석사|박사|대학원|지도교수|교수님|연구실|랩실|실험|선행연구|문헌 조사|연구 주제|투고|학회|저널|리비전|심사|초록|챕터|학위",
        2.0: "쓰기 시작|초안|인용|데이터 수집|설문|분석 결과|디펜스|졸업작품|캡스톤|랩미팅",
    },
    S.EXAMS: {
        3.0: "시험|중간고사|기말고사|수능|자격증|정보처리기사|정처기|토익|토플|오픽|한국사|기사 시험|필기|실기|재시험|모의고사|기출",
        2.0: "합격선|공부 계획|벼락치기|암기|문제집|인강|학점|성적|임용고시|편입|기말|간격 반복|공부법|교과서|토익 스피킹|스터디 일정|챕터|범위|과목",
    },
    S.LEARNING_TECH: {
        3.0: "러스트|리액트|파이썬|자바스크립트|타입스크립트|코틀린|스프링|장고|쿠버네티스|도커|테라폼|고랭|새 언어|새로운 언어|프레임워크|튜토리얼|인프런|유데미|독학",
        2.0: "문법|개념|소유권|훅|제네릭|공식 문서|책으로|입문|차이가 뭐|차이를|원리|동작 방식|어떻게 돌아가|내부 구조|내부적으로|클로저|재귀|스레드|프로세스|이벤트 루프|신경망|정규화|조인|클래스|인스턴스|객체|비동기|의존성 배열|알고리즘|자료구조|컴파일러|인터프리터|어텐션|머신러닝|딥러닝|쿼리",
    },
    S.DEBUGGING: {
        3.0: "버그|디버깅|에러|오류|예외|스택 트레이스|트레이스백|크래시|튕겨|뻗어|널포인터|플레이키|재현|메모리 릭|메모리 누수|데드락|무한 루프|브레이크포인트|빌드가 깨|빌드 실패|컴파일 에러|테스트가 실패|테스트 실패|안 돌아|안 먹혀",
        2.0: "깨져|깨지|터져|터지|수정했는데|뜨는데|떠요|뜨고|뜨네요|안 먹|죽어요|날아간|꼬였|실패해요|못 찾|가운데 정렬|커널이|메모리가|느려졌|튀었|레이턴시|못 나가|깨져요|먹통",
        1.0: "쿼리",
    },
    S.CODE_REVIEW: {
        3.0: "코드리뷰|리뷰어|리뷰 코멘트|풀리퀘|풀 리퀘스트|머지|어프루브|리뷰 받|리뷰를 받|리뷰를 달|리뷰 달|코멘트가",
        2.0: "컨벤션|가독성|리팩토링|리팩터링|분리했|쪼갬|나눴는데|리뷰 24시간",
    },
    S.SYSTEM_DESIGN: {
        3.0: "시스템 설계|아키텍처|마이크로서비스|모놀리식|모놀리스|확장성|스케일|데이터베이스|스키마|샤딩|레플리케이션|캐시|캐싱|메시지 큐|카프카|이벤트 기반|로드밸런서|트레이드오프|정합성|일관성|처리량|레이턴시|설계 문서",
        2.0: "서버 구조|인프라|분산|가용성|트래픽|동시 접속",
    },
    S.DEPLOYMENT: {
        3.0: "배포|릴리즈|릴리스|롤백|장애|인시던트|온콜|당직|페이저|포스트모템|회고 문서|핫픽스|파이프라인|카나리|블루그린|스테이징|운영 서버|프로덕션|서비스가 죽|서버가 죽|다운타임|모니터링|알람|얼럿",
        2.0: "새벽에|주말에 호출|새벽 3시|결제|인증서|웹훅|깃허브 액션|도커 이미지",
    },
    S.OPEN_SOURCE: {
        3.0: "오픈소스|메인테이너|컨트리뷰트|컨트리뷰션|기여하|기여를|첫 기여|이슈를 올|업스트림|포크|라이선스|라이센스|깃허브 이슈",
        2.0: "깃허브|레포|저장소|스타|후원|커뮤니티 프로젝트",
        1.0: "기여|이슈",
    },
    S.SIDE_PROJECT: {
        3.0: "사이드 프로젝트|사플|토이 프로젝트|개인 프로젝트|내 앱|제 앱|앱을 만들|서비스를 만들|런칭하고 싶|수익화|부수입|인디 해커",
        2.0: "퇴근 후|주말마다|주말에 만들|끝까지 못|완성을 못|중간에 그만|도메인|랜딩 페이지|첫 사용자|사용자를 모",
    },
    S.BURNOUT: {
        3.0: "번아웃|탈진|지쳤|지쳐|지친다|녹초|과로|야근|주말 출근|업무량|일이 너무 많|일이 많아|워라밸|쉬고 싶|휴가|휴직|퇴사하고 싶|에너지가 없|방전|매일 야근|주 60시간|주 70시간",
        2.0: "버겁|감당이 안|못 버티|잠을 못|밤늦게|과부하|쌓여|멘탈|퇴근 후|퇴근하고도|업무 메시지|칼퇴|선을 그|일요일 저녁|출근 전|가슴이 조여|쉬겠다|병가|상담|주말에 제대로|떠안|잠이 안|새벽 4시|회사 생각",
    },
    S.IMPOSTER: {
        3.0: "가면 증후군|임포스터|자격이 없|실력이 없|실력이 부족|부족한 것 같|나만 못|나만 모르|다들 잘하|다른 사람들은 잘|비교하게|비교돼|들킬까|들통|운이 좋아서|운으로|내가 여기 있어도|자신감이 없|자존감",
        2.0: "무능|모자라|뒤처|자신이 없|한심|쓸모없|비판|움츠러|후회할까|안 어울린|똑똑한 애|가치를|들킬까 봐",
    },
    S.MOTIVATION: {
        3.0: "동기부여|의욕|열정|흥미를 잃|재미가 없|재미없|방향을 잃|방향성|뭘 해야 할지|뭘 하고 싶은지|하고 싶은 게 없|의미가 없|의미를 모르|왜 하는지|정체기|슬럼프|매너리즘|권태",
        2.0: "목표가 없|목표를 잃|지루|심드렁|예전엔 좋았|좋아했는데|재미있었는데|왜 계속|현타|의미",
    },
}
