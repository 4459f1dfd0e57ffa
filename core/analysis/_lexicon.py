"""Cue lexicons for tone and intent, English and Korean, keyed by :class:`~core.taxonomy.Tone`
and :class:`~core.taxonomy.Intent`.

Format: ``{label: {weight: "cue|cue|..."}}``, one row per weight, highest first, and a cue at
most once per label (``_matcher`` refuses a table that lists one twice). English cues match
whole words, or word starts when they end in ``*``; Korean and symbol cues match anywhere,
spacing ignored, so ``분 뒤`` also finds ``분뒤`` (see ``_matcher``). Weights: 3 = the cue alone
settles it, 2 to 2.5 = strong, 1 to 1.5 = supporting evidence, 0.5 = a faint hint. A cue may
appear under several labels ("어떡하지" is both anxious and a plea for advice). A bare question
mark is deliberately in no table: it does not decide a tone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from core.taxonomy import Intent, Subject, Tone

L = TypeVar("L", Tone, Intent, Subject)
Lexicon = Mapping[L, Mapping[float, str]]  # label -> {weight: "cue|cue|..."}

EN_TONE: Lexicon[Tone] = {
    Tone.FRUSTRATED: {
        3.0: "ugh*|argh*|fed up|sick of|sick and tired|so tired of|driving me crazy|driving me nuts|losing my mind|wtf|what the hell|ffs|dammit|damn it|pissed|frustrat*|infuriat*|annoying|annoyed|irritat*|cant stand|hate this|hate it when|i hate|had enough|over it|screw this|for the love of|give me a break|im done with|so done with",
        2.5: "so annoyed|throw my laptop|about to lose it|tired of this|tired of it|im so done|done with this|zero explanation|shot it down|bounce back|cleaning it up|by hand every|oh great|another one|zero credit|zero specifics|zero context|twice already|four times|five times|three times|broke it|keeps happening|every release|every time|every single|literally|nobody ever|the only one who|still doesnt click|been at this|since dinner|since lunch|since morning|for hours|pls|cmon|come on",
        2.0: "again|keeps*|keep failing|keep breaking|still broken|still doesnt|still not|nothing works|every single time|how many times|yet again|third time|fourth time|wasted|waste of|pointless|useless|ridiculous|seriously|sucks|stupid|damn|why does this|why is this|why wont|why cant|mad at|angry|furious|rage|this is killing me|fighting with|banging my head|unfair|not fair|blame*",
        1.0: "stuck|hours|whole day|all day|all week|ignored|micromanag*|nitpick*",
    },
    Tone.PLAYFUL: {
        3.0: "lol|lmao|lmfao|rofl|haha*|hehe*|jk|just kidding|kidding|hilarious|yay|woohoo",
        2.5: "like im a|like im five|golden retriever|goldfish|pirate|behold|masterpiece|who let this|tbh lol|survived|invented|legit|right right",
        2.0: "funny|joke*|plot twist|spoiler alert|lowkey|ngl|bestie|vibe*|meme*|fun fact|for fun|lets gooo*|no cap|send help|rip|oops|whoops|shenanigans|fancy",
        1.0: "fun|cool|awesome|game|silly|cute|battle|quest|level up|boss fight|hack",
    },
    Tone.ANXIOUS: {
        3.0: "anxious|anxiety|worried|worry*|worrie*|nervous|scared|afraid|terrified|panic*|freaking out|freak out|cant sleep|couldnt sleep|dread*|stressed|stressing|overwhelm*|imposter|impostor|what if|sick to my stomach|on edge|fear*|chest tightens|chest tight|stomach is in knots|stomach in knots|knot in my stomach|heart is pounding|heart pounding|felt sick|feel sick|lying awake|lie awake|scares me|scared stiff|sinking feeling|cant stop replaying|keep imagining|regret hiring|sleepless|racing thoughts|voice cracked|overstep*|overplayed|hands are shaking|hands shaking|heart races|heart racing|in knots|cold sweat*|nightmare*|losing sleep|lose sleep|keep refreshing|spiraling|spiralling|keep picturing|replaying|chest gets tight|chest is tight|cant breathe|panicking|dreading|terrif*|jittery|butterflies|sweating|on the verge",
        2.0: "fraud|not good enough|get fired|getting fired|be fired|lose my job|laid off|layoff*|falling behind|fall behind|behind everyone|judge me|judged|disappoint*|insecure|uneasy|shaking|keeps me up|keep me up|mess up|messing up|screw up|fail the|fail my|failing the|bomb the|bombing|find out|exposed|not ready|unprepared|doubt*|pressure|tense|stress|what happens if",
        1.5: "nothing lined up|re read|reread|twenty times|nobody has noticed|what will they think|looked unprofessional|unprofessional|losing trust|lose trust|slip|behind schedule|pip|fired|let everyone down|bad sign|worst case",
        1.0: "probation|performance review|rejected|rejection|alone|nobody else|everyone else|hopefully|pray*|really hope|dont want to let|let them down|let down",
    },
    Tone.ANALYTICAL: {
        3.0: "metric*|benchmark*|p95|p99|p50|latency|throughput|correlat*|median|percentile*|a b test|ab test|trade off|tradeoff*|cost benefit|quantif*|data shows|the data|our data",
        2.0: "numbers|percent|ratio|average|trend*|measure*|comparison|comparing|versus|vs|pros and cons|baseline|distribution|dashboard|kpi*|roi|conversion rate|retention|funnel|evidence|breakdown|increased by|decreased by|dropped|spiked|went up|went down|over time|option a|option b|self assessment|percent of|ratio of|per week|hrs week|points|rows|velocity|tracked my|logged my|counted|data from|numbers say",
        1.0: "cost|efficien*|performance|result*|factor*|objective*|criteria|score*|data|rate|compare*|sample*|statistic*|regression|variance|dataset|analy*|evaluat*",
    },
    Tone.CALM: {
        1.5: "calm*|relaxed|at peace|no pressure|not in a hurry|in no hurry|take my time|here|how would i go about|what factors|id like to put together|sorting out|when convenient|at your convenience|i am considering|im considering|considering a",
        1.0: "id like to|i would like|could you|when you have time|no rush|whenever|thank you|thanks|please|steady|fine|okay|alright|just|simply|would appreciate|appreciate|i would|id appreciate|could you help|can you help|wondering if|id like|what would you consider|whats a good way",
    },
    Tone.CURIOUS: {
        3.0: "curious|curiosity|wonder*|fascinat*|intrigu*|out of curiosity|always wanted to know|id love to know|love to understand|rabbit hole|under the hood|behind the scenes",
        2.5: "ooh|oh cool|neat|psychology behind|science behind|whats behind|the reason behind|how it actually|i just read|just read that|i read that|love to know|so interesting|never thought about|hooked|mulling|go deeper|dig deeper|love to go|actually pick up|why that was|what makes|what made|wonder why|wondering why|wondering how|always wondered|got me thinking",
        2.0: "interesting|interested in|how come|how exactly|how does|how do they|what happens|is it true|tell me more|dig into|digging into|explore|exploring|never knew|just learned|just found out|huh",
        1.0: "why do|why does|why is|actually work|really work|cool",
    },
    Tone.URGENT: {
        3.0: "urgent*|asap|right now|immediately|emergency|time sensitive|running out of time|no time|prod is down|production is down|site is down|server is down|outage|hurry|in an hour|in two hours|in 2 hours|in 30 minutes|in 10 minutes|in a few hours|in a few minutes|within the hour|due today|due tonight|due tomorrow|by tonight|by tomorrow|by eod|end of day|by noon|by morning|starts in|in 15 min|in 10 min|in 5 min|in 20 min|in 30 min|min left|minutes left|23 59|11 59|by midnight|tonight at|exam tomorrow|due in|before 8am|before 9am|right away|need this now|asap please|before i log off|closes at midnight|closes tonight|next 4 hours|next few hours|next hour|pulled forward|moved up",
        2.0: "deadline*|tonight|tomorrow morning|this morning|before the meeting|before the demo|before standup|before the call|before launch|before release|quick*|fast|blocking|blocker|critical|minutes|hours left|p0|sev1|sev 1|rollback",
        1.0: "soon|need this|need it|now|today",
        0.5: "tomorrow|help",
    },
    Tone.CONFUSED: {
        3.0: "confus*|dont get|dont understand|do not understand|doesnt make sense|makes no sense|no idea|im lost|totally lost|so lost|puzzl*|baffl*|mixed up|head spinning|cant figure out|cant wrap my head|what am i missing|am i missing something|lost on|unclear|dont know what|dont know how|dont know which|dont know where|dont know if|dont even know|not sure what|not sure how|not sure which|mixing up|mix up|more lost|which is which|cant make sense|cant piece together|head is spinning|untangle|dont follow|lost me|no longer know|going in circles|contradicting|doesnt click|didnt click|less it makes sense|less sense|honestly lost|not sure i got|not sure i understand|i dont really understand|cant keep track|tangled|all blur|blurring together|so many options",
        2.0: "what does|what do they mean|which one|contradict*|conflicting|mixed signals|i thought|supposed to|clueless|where do i even start|where to even start|not sure if|not sure whether|cant tell|difference between|same thing",
        1.0: "huh|wait|mean|understand",
    },
    Tone.COLLABORATIVE: {
        3.0: "our team|my team and i|the team and i|together|collaborat*|lets|let us|with my team|as a team|as a group|pair program*|pairing|team wide|whole team",
        2.0: "align*|sync|jointly|all of us|each other|group|squad|cross team|shared",
        1.0: "share|sharing|feedback from|retro|team|teams|teammate*|were|we|weve|wed|our|ours|us|everyone",
    },
}

KO_TONE: Lexicon[Tone] = {
    Tone.FRUSTRATED: {
        3.0: "답답|짜증|빡치|빡쳐|빡침|개빡|열받|화나|화가 나|미치겠|미칠 것|돌아버리|환장|아 진짜|아오|아놔|젠장|지긋지긋|지겹|질린|질려|어이없|어이가 없|킹받|속터|속이 터|울화|억울|노답|빡세",
        2.5: "하…|하...|문제냐고|그렇게 문제|반려|또 반려|통째로|지친다|지쳐|개답답|빡치네|미치겠는데|잡담만|아무도 안|매번 제가|이유도 안|묵혀|참아야|세 번째|네 번째|다섯 번째|세 번|네 권째|자기가 낸 것처럼|말 안 해줌|말도 안 해|욕먹을|뜯어고쳐|사고|무너짐|또 내|또 저|알아;;|맨날|매일같이",
        2.0: "왜 또|왜 자꾸|왜 계속|또 안|또 에러|또 터|또 깨|또 실패|또 이래|몇 번째|몇 시간째|하루 종일|며칠째|계속 안|계속 에러|계속 실패|계속 터|도대체|대체 왜|날렸|헛수고|때려치|포기하고 싶|그만하고 싶|현타|멘붕|에휴|하아|후...|불공평|짜치|거슬|떠넘|떠넘기|무시당|무시하|안 들어|말을 안|신경질|진짜 왜",
        1.0: "진짜|정말|ㅡㅡ|-_-|;;",
    },
    Tone.PLAYFUL: {
        3.0: "ㅋㅋ|ㅎㅎ|크크|키키|헤헤|히히|헿|낄낄|ㅋㅋㅋ|😂|🤣|😆|😜|😝|😋|🤪|🎉|🥳|😅|🤓|🙈|😹",
        2.0: "농담|장난|웃기|웃겨|웃김|재밌|재미있|신나|신난|개꿀|꿀잼|드립|짤|밈|ㅋ|😄|😁|😎|🙃|😏|^^|:)|:D|;)",
        1.0: "레벨업|퀘스트|보스|게임|귀엽|귀여",
    },
    Tone.ANXIOUS: {
        3.0: "걱정|불안|무서|무섭|두려|두렵|떨려|떨리|초조|조마조마|겁나|겁이 나|잠이 안|잠을 못|못 자|심장이|숨이 막|식은땀|멘탈|긴장|😰|😟|😨|😥|😓|😱|쿵쾅|심장 쿵|속이 안 좋|마음이 불편|손에 안 잡|잠이 안 와|선 넘은|선을 넘|괜히|겁나요|어떡하죠|망치지|날린 거면|마음이 무겁|찝찝|손에 땀|땀이|울렁|손이 떨|숨이 턱|망할 것 같|물어뜯|엉망이라|신뢰 다 잃|신뢰를 잃|악몽|가슴이 두근|두근|잠 못|불면|숨 막",
        2.0: "잘릴|짤릴|해고|떨어질까|떨어지면|망할까|망치면|망칠까|실패하면|실패할까|못하면|못할까|뒤처|뒤쳐|자신이 없|자신 없|자신감이|들킬|들통|실망|부족한 것 같|부족한 거 같|부족한가|무능|어쩌지|어떡하지|어떡해|어떻게 하지|어쩌나|스트레스|압박|쫄려|쫄린|ㅠㅠ|ㅜㅜ|큰일|막막|눈치|할 수 있을까|될까요|괜찮을까|잘 할 수",
        1.0: "혹시|면접|발표|평가|수습|마음이 무거|😢|😭",
    },
    Tone.ANALYTICAL: {
        3.0: "데이터|지표|수치|통계|벤치마크|상관관계|중앙값|표준편차|분산|트레이드오프|장단점|정량|전환율|이탈률|리텐션|퍼센타일",
        2.0: "평균|비율|증가|감소|상승|하락|추세|트렌드|측정|근거|대비|효율|가성비|확률|퍼센트|수익|비용|지연 시간|응답 시간|처리량|성능 차이|결과를 보면|로그를 보면|계산|객관적|기준|따져|자가평가|/5|정답률|대기 시간|평균 대기|비례|점 낮|배 빠",
        1.0: "분석|비교|상관|결과|성능|숫자|점수|%|회귀",
    },
    Tone.CALM: {
        1.5: "차분|담담|편하게|급하지 않|급한 건 아니|보통 어떻게 하시나요|부탁드립니다|정리 중입니다|알아보는 중|싶습니다|드립니다|궁금합니다",
        1.0: "습니다|합니다|입니다|하고 싶습니다|여쭤|여쭙|감사합니다|고맙습니다|천천히|여유|괜찮습니다|해요|싶어요|나요|인가요|있나요|될까요|할까요|주실 수|주세요",
    },
    Tone.CURIOUS: {
        3.0: "궁금|신기|흥미|호기심|알고 싶|🤔",
        2.5: "처음 알았|오늘 알았|신기하|어디서 오는|뭐 때문에 그런|왜 그런 걸까|이유가 있는지|더 알고 싶|흥미로워|재밌는 발상|재밌는 생각|문득 궁금|깊게 들어가|무슨 뜻이에요|우와|들여다보고|재밌네요|신기해|궁금했",
        2.0: "어떻게 작동|어떻게 동작|어떻게 돌아가|어떤 원리|원리가|왜 그런지|왜 그런 건지|관심이 생|관심이 있|관심 있|파보고|파고들|탐구|재밌을 것 같|재미있을 것 같|알아보고",
        1.0: "왜|원리|실제로|진짜로",
    },
    Tone.URGENT: {
        3.0: "급해|급하|급합니다|급함|급한|긴급|당장|지금 바로|빨리|얼른|시간이 없|시간 없|오늘까지|오늘 안에|오늘 밤|내일까지|내일 아침|내일 오전|몇 시간 안|시간 남|분 남|마감|데드라인|서버 죽|서버 다운|서버가 죽|장애|🚨|⏰|분 뒤|분 후|분 전에|시간 뒤|자정까지|정오|최대한 빨리|빨리요|빨리 좀|퇴근 전까지|오늘 중으로|당겼|앞당겨|지금 당장|한 시간 안|두 시간 안|몇 분|마감 직전|시간 촉박|촉박",
        2.0: "제발|핫픽스|롤백|막혀서 진행|블로커",
        1.0: "이번 주|곧|바로|오늘|지금",
        0.5: "내일",
    },
    Tone.CONFUSED: {
        3.0: "헷갈|햇갈|모르겠|이해가 안|이해가 잘 안|이해를 못|이해 못|뭐가 뭔지|뭔 소리|무슨 말인지|무슨 소린지|어리둥절|혼란|갈피|감이 안|감이 안 잡|뭘 해야 할지 모르|뭐부터|어디서부터|어디부터|종잡|😵|🤷|말이 됨|말이 돼?|말이 되나|뭐가 문제임|뭐가 문제지|헷갈려서|더 헷갈|정리가 안|도무지|뭐가 다른|다른 거예요|말이 달라|엉켜|무슨 상황|이게 무슨|뭐가 맞는지|갈수록 모르|더 모르|꼬였|정신없",
        2.0: "뭐지|뭔데|뭐야|이게 맞는 건지|맞는 건지 모르|다른 건가|같은 건가|차이가 뭔|차이를 모르|왜 이렇게 되는지|이해가|모르는|몰라서|모르고|막막|알쏭달쏭|애매",
        1.0: "이해|몰라|모름",
    },
    Tone.COLLABORATIVE: {
        3.0: "우리 팀|저희 팀|다 같이|함께|협업|협력|같이 하|같이 해|같이 만들|같이 고민|팀원들과|팀원들이랑|팀원들하고|팀 전체|모두 함께|공동",
        2.0: "같이|다들|모두|합의|의견을 모|얼라인|싱크|짝 프로그래밍|페어|서로|팀끼리|팀 회의|우리끼리",
        1.0: "팀|회의|피드백|회고|우리|저희|팀원|동료|공유",
    },
}

EN_INTENT: Lexicon[Intent] = {
    Intent.PROBLEM_SOLVING: {
        3.0: "error*|exception*|bug|bugs|buggy|crash*|traceback|stack trace|stacktrace|segfault|doesnt work|isnt working|not working|wont work|wont start|wont compile|wont load|wont run|fails|failing|failed|broken|breaks|debug*|fix|fixing|fixed|undefined|nonetype|null pointer|nullpointer|timeout|timed out|deadlock|memory leak|workaround|troubleshoot*|returns none|returns null|404|500|stuck on|fastest way to|cleanest fix|quickest way to|how do i convert|how do i get|get us in|stop this from|stop that from|would stop|break this loop|keeps rejecting|access denied|rejecting it|how do i untangle|how to fix|process change|what change would|lock this down|on a diet|get them back|get it back|has to be sorted|lost access|cant access|segmentation fault|core dumped|make it use|how do i make it|how do i stop|keeps crashing|stopped working|is broken",
        2.0: "issue with|problem with|the problem is|cant get|how can i get|how do i make|resolve|solve|solution|throws|throwing|merge conflict|conflict|slow|hangs|freez*|leak*|compile*|build*|deploy*|pipeline|test*|production",
        1.0: "code|function|query|server|config*|install*|version|issue|problem|works",
    },
    Intent.LEARNING: {
        3.0: "learn*|teach me|tutorial*|explain|explanation|eli5|wrap my head around|get better at|improve my|study|studying|course*|bootcamp|fundamentals|concept*|understand how|understand what|understand why|want to understand|deep dive|can you explain|could you explain|please explain|explain why|explain how|whats the reason|what is the reason|underlying reason|why would|whats the psychology|how it works|how do they work|how does it work|how do salary|how are|who decides|whats the difference|what is the difference|under the hood|how git|i want to learn|learn just enough|walk me through|what do they actually do|the actual difference|untangle how|how they relate|how does that work|how that works|go deeper than|whats going on under",
        2.0: "what is|what are|difference between|how does|how do|basics|beginner|intro*|resources|book*|new to|pick up|master*|practice|skill*|understand|getting into|get into|curriculum|lecture*|textbook|docs",
        1.0: "why does|why do|works|mean|means|meaning of|example*|grasp",
    },
    Intent.VALIDATION: {
        3.0: "am i right|is this right|is that right|is it right|is this correct|is that correct|does this make sense|does that make sense|does it make sense|sanity check|did i do the right|did i make the right|was i wrong|was i right|am i wrong|am i overreacting|overreacting|am i crazy|am i being|on the right track|tell me im|tell me if im|would you agree|do you agree|is it okay|is it ok|is that okay|is that ok|is this okay|is this ok|is it normal|is this normal|is that normal|reasonable|does this look|does that look|does this sound|does that sound|is this good|is this a good|is that a good|good idea|bad idea|right call|right choice|right decision|right move|second opinion|double check|review my|check my|look over|thoughts on my|feedback on my|valid|hold up|holds up|sound reasonable|sounds reasonable|look sensible|looks sensible|sound interpretation|fair to raise|was that fair|a reasonable ask|did i get that right|did i overstep|too cheesy|or fine|is the idea|actually bad|that bad|right approach|the right way|okay to do|that was okay|was that okay|is that acceptable|excessive|or is this|or am i|make sense|sound logic|sounds logical|does my reasoning|reasoning hold|is that a reasonable|is this a reasonable|does my summary|capture their|come across as|check this wording|check my wording|charming or|career suicide|can you tell me if|is it so bad|am i off base|off base|too much|is it fine|is this fine|was that the right",
        2.0: "right|correct|okay|fair|legit|makes sense|agree|enough|was it|is it just me|too harsh|crazy|weird|did i|should i have|i think|i believe|i guess",
    },
    Intent.PLANNING: {
        3.0: "plan|plans|planning|roadmap|schedule*|timeline*|milestone*|prioriti*|priority|priorities|sprint*|next quarter|next month|next year|next week|next semester|weeks|months|week plan|month plan|agenda|calendar|timebox*|allocate|how should i spend|how should i split|how should i divide|how should i structure|in what order|what order|step by step plan|game plan|strategy|organize|organise|prepare for|map out|lay out|week by week|day by day|first 30 days|first 90 days|first 60 days|look like|what to cut|sequence|plan for|draft a plan|drafting a plan|order for me|where to even begin|where to begin|where do i start|how to structure|which order|what order do i|over the next|how do i split|split the next|split up the days|how to split|curriculum|study plan|career roadmap|two year|five year|90 day",
        2.0: "goal*|steps|next steps|by the end of|q1|q2|q3|q4|before i start|checklist|prep|preparation|routine|each day|per day|per week|every day|daily|weekly|budget|phases|phase|break down|breakdown|structure|order|first then",
        1.0: "start|starting|next|upcoming|target|deadline*",
    },
    Intent.REFLECTION: {
        3.0: "looking back|look back|in hindsight|been thinking|ive been thinking|i realized|i realised|realize*|realise*|lately i|these days i|reflect*|retrospective|lessons learned|lesson learned|what i learned|taught me|i used to|used to be|over the past|over the last|this past year|the past year|last year i|journey|made me think|made me realize|made me realise|who i am|why do i always|why do i keep|i keep thinking|part of me|was it worth|i miss|regret*|grown|make sense of|trying to understand why i|trying to work out|thinking back|how far ive come|what that says about|says about me|taking away|take away from|looking back on|when it changed|when the worry started|keep diving|still hasnt|how that happened|what happened to me|underestimated|took away|still processing|lookin back|what a ride|writing down what|its been a year|been mulling|mulling over|explains a lot|why i stopped|where we started|where i started|how far weve come|year one|first year as|in retrospect",
        2.0: "growth|grow|proud|meaning|purpose|anymore|these days|lately|i wonder if i|i noticed|noticing|i feel like|feels like|somehow|i think im|im starting to|changed|change in me|burn* out|burnt|years ago|since i",
        1.0: "feel|feeling|myself|life|past|remember",
    },
    Intent.SEEK_ADVICE: {
        3.0: "should i|what should i|any advice|advice|advise|what would you do|what do you recommend|recommend*|suggest*|which should|help me decide|torn between|or should i|how do i deal|how should i deal|how do i handle|how should i handle|how should i|how do i tell|how do i ask|how do i talk|how do i approach|how do i cope|is it better to|would it be better|worth it|any tips|tips|thoughts|ideas|what do i do|do i quit|do i tell|do i start|do i stay|do i say|what do i say|which would you pick|what would you pick|would you pick|would you consider|whats a good way|how do people|bring this up|how do i bring|or have one more|or try to|or say something|do i escalate|or just|what would you even do|which lever|would you pull|or wait|should we|what do you suggest|what would you advise|which one should|how should i approach|what do i do now|any thoughts on whether",
        2.0: "thinking about quitting|thinking of quitting|thinking about leaving|thinking of leaving|thinking about switching|thinking of switching|option*|choice|choose|decide|decision|guidance|opinion|do you think|how can i|how do i|what can i|what do you think|better|instead|quit|leave|switch|offer",
    },
}

KO_INTENT: Lexicon[Intent] = {
    Intent.PROBLEM_SOLVING: {
        3.0: "에러|오류|버그|안 돼|안 되|작동을 안|작동 안|동작 안|동작을 안|실행이 안|실행 안|터져|터지|터짐|깨져|깨지|깨짐|죽어|죽음|고치|고쳐|해결|디버깅|디버그|예외|컴파일|먹통|안 먹|튕겨|튕김|뜨는데|떠요|떠서|뜹니다|안 나와|방법 있을까|방법 없을까|방법 없나|해결 방안|해결 방법|고칠 방법|끊으려면|끊죠|줄이는 법|갱신하는 법|변환하는 방법|복구하는|들어갈 방법|처리하는 방법|잡을 수|어디를 봐야|반응이 없|거절당|실패함|안 됩니다|문제임|못 나가|구해주세요|복구 되나요|복구할 수|되돌릴 수|하게 하려면|안 나가|안 열려|접근 불가|권한이 꼬|사라진 것처럼|사라졌",
        2.0: "문제가|문제를|실패|충돌|빌드|배포|느려|느림|멈춰|멈춤|멈추|막혔|막혀|안 맞|어떻게 고|원인|수정|롤백|핫픽스|재현|로그|테스트가|쿼리|코드",
        1.0: "문제|서버|설정|설치|버전",
    },
    Intent.LEARNING: {
        3.0: "배우|배워|배울|공부|익히|익혀|이해하고 싶|알려줘|알려주|설명해|설명 좀|설명을|개념|원리|입문|독학|스터디|강의|기초|잘하고 싶|잘하려면|실력을|실력이|늘리고|늘고 싶|공부법|학습|튜토리얼|설명 부탁|설명해 주|원리인지|어떤 원리|어떻게 저장|어떻게 정하는|어떻게 돌아가는|어디서 오는|뭐 때문에|왜 그런 걸까|왜 그런 건지|차이가 뭐|뭐가 다른|다른 거예요|궁금해요|궁금함|궁금하다|알고 싶어요|무슨 뜻|이유 설명|담당하는지|어떻게 따로|무슨 일이 일어나는|내부 구조|들여다보고 싶|파보고 싶|어떻게 표현|관계를 좀 정리|관계인지|차이를 알고|이해하고 싶어",
        2.0: "뭐예요|뭔가요|뭐에요|뭐야|뭐임|뭔지|무엇인가|차이가|차이점|차이를|어떻게 동작|어떻게 작동|책|자료|교재|문서|예제|연습|이해",
        1.0: "방법|어떻게 하는",
    },
    Intent.VALIDATION: {
        3.0: "맞나요|맞나|맞아?|맞아요?|맞는 거|맞는 건|맞는 걸|맞는지|맞죠|맞을까|맞지?|괜찮을까|괜찮은 거|괜찮은 건|괜찮은지|괜찮나|괜찮겠|잘한 거|잘한 건|잘한 걸|잘한 것|잘하고 있는|이상한 거|이상한가|이상한 건|틀린 거|틀린가|틀렸|잘못한 거|잘못한건|잘못한가|잘못 생각|검토|봐줄|봐주|피드백 좀|이게 맞|이 정도면|정상인가|정상이야|정상인|오버하는|오바하는|예민한 거|예민한건|예민한가|합리적|타당|괜찮아 보|어때요|어때?|어떤가요|확인 좀|확인해 줄|되나요|돼도 되|해도 되|해도 괜찮|올려도 되|괜찮음|괜찮았던|선 넘은|넘은 걸까|과한 건가|예민한 건가|이상한 아이디어|이해하면 되는|의견 듣고|괜찮은 구조|맞게 한|논리에 구멍|되는 건가요|맞다고 결론|틀린 건 아니지|센스 있는 거|정상 범주|통하는 아이디어|괜찮은 편인지|이렇게 쓰면|이렇게 해도|문제 없을까|어색하지 않|무례하지 않",
        2.0: "맞는|맞게|잘한|괜찮|확인|충분한|충분할|말이 되|말이 돼|나쁘지 않|이해되|인정",
    },
    Intent.PLANNING: {
        3.0: "계획|일정|로드맵|스케줄|순서|우선순위|플랜|마일스톤|스프린트|시간표|체크리스트|단계별|짜고 싶|짜야|짜볼|짜줘|짜주|세우고|세워|세울|분배|배분|어떻게 나눠|전략|어떻게 보내야|어떻게 구성|순서 어떻게|배분을|시간 배분|첫 한 달|첫 달|첫 주|단계로 나눠|어떻게 잡을|계획 좀|진행 순서|어떤 순서로|커리큘럼|쪼개|로드맵을 정리|커리어 로드맵|주간 루틴|계획표|학습 계획|공부 계획|몇 주 동안|개월 동안",
        2.0: "목표|준비하려면|준비 계획|준비를|다음 주|다음 달|다음 분기|다음 학기|이번 학기|개월|달 동안|주 동안|주 안에|년 안에|하루에|매일|주마다|루틴|단계|먼저|그다음",
        1.0: "준비|시작|언제까지|마감",
    },
    Intent.REFLECTION: {
        3.0: "돌아보|되돌아|회고|생각해보니|생각해보면|곰곰이|요즘 들어|요즘 드는|깨달|느꼈|느낀 점|느낀 게|배운 점|지난 1년|지난 한 해|지난해|작년|예전에는|예전엔|옛날|지금 와서|나는 왜|내가 왜 이렇게|후회|아쉬|뿌듯|성장|그때|돌아보는 중|돌아봤|되짚어|정리해보는 중|정리해보고|말해주는지|어떤 사람인지|무슨 일이 있었던|언제부터였는지|과소평가|넘어가지 말고|습관이 문제|돌아보는|돌이켜보면|곱씹어|남 좋은 일|이유가 이거였|뭘 말해주는|같이 회고|처음 목표랑|지난 몇 년|지난 2년|지난 3년|1년 동안|한 해를|정리해보니",
        2.0: "요즘|최근에|의미|나 자신|스스로|나다운|변했|달라졌|년 전|년차|번아웃|지쳤|지친|느껴|생각이 들|싶기도|것 같아요|것 같다|건가 싶",
        1.0: "생각|마음|감정",
    },
    Intent.SEEK_ADVICE: {
        3.0: "어떻게 해야|어떡하|어떻게 하면 좋|어떻게 할까|조언|추천|해야 할까|해야 하나|해야 될까|나을까|낫나|나아요?|좋을까|어느 쪽|뭘 골라|말해야 할까|말할까|그만둘까|이직할까|퇴사할까|어떻게 대처|대처|방법이 있을까|방법 없을까|방법 좀|팁|어쩌면 좋|어떻게 생각|의견|어디 가시겠|어디가 나을|누구 말을|따라야 하죠|뭐라고 말하|나올까|한마디 할까|이력서 돌려야|요령|어떻게 하죠|가시겠어요|가요 말아요|뭐 잡아요|어떤 태도|어떤 조치|먼저 하는 게 좋을까|할까요 말까요|말까요|어떻게 하시겠어요|하시겠어요|어떡할까|뭐가 나아요|어떤 게 나아요|어느 게 나아요",
        2.0: "고민|선택|결정|뭘 해야|해야 할지|할지|이직|퇴사|그만두",
        1.0: "어떻게|할까요|할까?|까요?|까?",
    },
}
