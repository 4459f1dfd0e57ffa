"""English safety rules, matched against the English form (see ``_rules.english_form``).

Written for the kind of thing people say, not for a list of examples: each rule is a way of
expressing a crisis (a wish not to exist, a plan, a farewell, self-injury, an urge to hurt
someone, being hurt by someone), with the everyday idioms that share its words ("killing me",
"kill -9", "cut myself a break", "hit me up") shielded or vetoed. The wording of a rule
stays general; the labelled development set (``tests/data/safety_dev.jsonl``) shows where it is
too narrow or too wide.
"""

from __future__ import annotations

from core.safety._rules import Kind, Rule

_I = Kind.IDEATION
_P = Kind.PLAN
_G = Kind.GOODBYE
_SI = Kind.SELF_INJURY
_U = Kind.URGE
_IN = Kind.INTENT
_A = Kind.ABUSE

# Filler that may sit between a verb and its object: "want to *just* die".
_ADV = r"(?:(?:just|really|honestly|seriously|simply|finally|actually|kinda|kind of|sort of|literally|truly|quietly|all|so|even|maybe|probably|genuinely|sometimes|often|still|already)\s+){0,3}"
# Ending one's own life, as an infinitive ("to ___"): the unmistakable ways of saying it ...
_DIE_STRONG = (
    r"(?:kill myself(?! laughing)|off myself|unalive(?: myself)?|take my (?:own )?life(?! (?:in|into|back|to the|seriously|more|a new|and run)\b)|commit suicide|kms|end my (?:own )?life|end this life|end my existence"
    r"|end (?:it(?: all)?|everything|things|myself)(?! (?:with|at|for|on|early|by|before|after|here|there|now and|in (?:a|the)|up)\b)"
    r"|hang myself|overdose|od|jump off (?:a|the|my) (?:bridge|building|roof|cliff|balcony|ledge)|not wake up(?! (?:early|at (?!all)|for|in time|before|on time)\b)"
    r"|never wake up|(?:go to|fall) sleep (?:and|&) (?:never|not) wake(?: up)?|sleep forever|stop (?:existing|living|breathing|being alive|being here)|cease to exist"
    r"|rest (?:for good|forever)|fade (?:out|away)(?: for good| forever)?)"
)
# ... and the softer ones, which only mean it after a wish ("want to disappear"), not after "going to".
_DIE = (
    r"(?:"
    + _DIE_STRONG[3:-1]
    + r"|die(?! (?:on|in (?!my sleep)|of|from|laughing|inside)\b)|be dead|be gone(?! for)|not be (?:alive|here|around)(?! (?:at|for|in|on|during|when|tomorrow|next|this|today)\b)"
    r"|not exist|not be born|disappear(?: forever| for good| permanently| from (?:this world|existence|everyone's life|the world))?(?! (?:for|to|into|on|off|from|under|behind|in|during|after|until|before)\b)"
    r"|vanish(?: forever| for good)?(?! (?:for|to|into|on|off|from)\b)|give up on (?:life|living)|leave this world|be with (?:my|our) (?:late|dead) \w+)"
)
# The same, as a gerund ("thinking about ___").
_DYING = (
    r"(?:dying|being dead|not being (?:alive|here|around)|not existing|no longer existing"
    r"|ending (?:it(?: all)?|my (?:own )?life|everything|things|myself)(?! (?:with|at|for|early|on)\b)"
    r"|killing myself|offing myself|unaliving(?: myself)?|taking my (?:own )?life|suicide|committing suicide"
    r"|disappearing (?:forever|for good|permanently)|not waking up|never waking up|not wanting to (?:live|be alive|exist|be here|wake up|go on)|killing yourself|ending your (?:own )?life|taking your (?:own )?life|wanting to die"
    r"|overdosing|hanging myself|jumping off|how to die|ways to die|how i would do it|how i'd do it"
    r"|driving (?:my car )?(?:off|into)|walking into (?:traffic|the sea|the ocean|the river))"
)
_WANT = (
    r"(?:want(?:ed|s|ing)?|wanna|wish(?:ed|ing)?(?: i could| i can)?|would rather|i'd rather|rather|ready|deserve|tempted|decided|plan(?:ning|ned)?(?: on)?"
    r"|hoping|hope|hopes|urge|longing|long|desire|itching|determined|praying|pray|fantasi[sz]e about|dream of|dreaming of"
    r"|'d like|would like|'d love|would love)"
)
# Verbs that are everyday with "die" ("going to die of boredom") and only count with _DIE_STRONG.
_WANT_SOFT = r"(?:going|gonna|need|needed|about|trying|tried|try|feel like|felt like|feels like|feeling like|supposed|allowed|will|'ll|might|could|should|intend)"
_THINK = (
    r"(?:think(?:ing|s)?|thought|dream(?:ing|t|ed)?|daydream(?:ing|ed)?|fantasi[sz](?:e|ed|ing)|obsess(?:ed|ing)?"
    r"|decision (?:about|to)|decided on|consider(?:ing|ed)?|contemplat(?:e|ed|ing)|plan(?:ning|ned)?|research(?:ed|ing)?|googl(?:e|ed|ing)|look(?:ed|ing) up|read(?:ing)? about"
    r"|ideas? of|thoughts? of|thoughts? about|urges? (?:of|for)|wonder(?:ing|ed)? about|tempted by|close to|closer to|came close to)"
)
_PERSON = (
    r"(?:(?:random|innocent|other|some|those|these) )?"
    r"(?:him|her|them|someone|somebody|anyone|anybody|people|everyone|everybody|a coworker|a colleague|a kid|a child|a baby"
    r"|(?:his|her|their) (?:face|head|skull|teeth|jaw|nose|legs?|knees?)"
    r"|patients|customers|clients|kids|children|students|coworkers|co-workers|colleagues|strangers|cyclists|pedestrians|passengers|my classmates"
    r"|(?:my|our|the|that|this|his|her) (?:\w+ )?(?:boss|manager|coworker|co-worker|colleague|lead|cto|ceo|teammate|roommate|flatmate"
    r"|neighbou?r|ex|husband|wife|boyfriend|girlfriend|bf|gf|partner|dad|father|mom|mum|mother|brother|sister|son|daughter|baby|newborn"
    r"|kid|kids|child|children|stepdad|stepmom|landlord|professor|prof|advisor|adviser|supervisor|classmate|teacher|students?|family|guy|man|woman|girl|dude"
    r"|bitch|bastard|asshole|jerk|idiot|person|prick|intern|new hire|client|customer|patient|whole team|whole office|whole class|team|office|class|bully|bullies|coach|cousin|uncle|aunt|nephew|niece|grandson|foreman|tenant|stepbrother|stepsister|mother-in-law|father-in-law|brother-in-law|sister-in-law|in-laws|business partner))"
)
_HARM = (
    r"(?:kill|murder|hurt|stab|shoot|strangle|choke|beat(?: up| the (?:shit|crap|hell) out of)?|batter|punch|smash|attack|poison|run over|slit|burn|bash|harm|smother|suffocate|drown"
    r"|shake|throw|push|hit|kick|slap|injure|maim|cripple|break (?:his|her|their) (?:neck|legs?|arms?|face|jaw|nose)|knock (?:him|her|them) out|run down|ram|mow down)"
)
_HARMING = (
    r"(?:injuring|maiming|crippling|killing|murdering|hurting|stabbing|shooting|strangling|choking|beating|punching|smashing|attacking|poisoning|running over"
    r"|slitting|burning|bashing|harming|smothering|suffocating|drowning|shaking|throwing|pushing|hitting|kicking|slapping|running (?:\w+ )?over|ramming)"
)
_ABUSER = (
    r"(?:he|she|they|(?:my|our|her|his|the|a|this|that|one) (?:\w+ )?(?:husband|wife|boyfriend|girlfriend|bf|gf|partner|fianc[eé]e?|ex|ex-\w+|dad|father|stepdad|stepfather"
    r"|mom|mum|mother|stepmom|stepmother|brother|sister|uncle|aunt|cousin|grandpa|grandfather|parents?|family|son|roommate|flatmate"
    r"|landlord|boss|manager|supervisor|coworker|co-worker|colleague|teacher|coach|professor|prof|advisor|adviser|neighbou?r|client|customer|lead|senior|pi"
    r"|patient|relative|guard|foreman|owner|director|chef|doctor|surgeon|officer|driver|tutor|mentor|caretaker|carer|guardian|stepbrother|stepsister|in-laws?|father-in-law|mother-in-law)"
    r"|someone|somebody|a (?:guy|man|stranger|coworker|colleague|customer|client|patient)|this (?:guy|man|person|woman)|the (?:guy|man|woman)|people)"
)
_LAUGH = r"\b(?:lol+|lmao+|lmfao|rofl|ha(?:ha)+h?|he(?:he)+|jk|j/k|just kidding|kidding)\b|😂|🤣|😅|😆|💀|🙃"

# The tables keep one rule per entry as written (ruff would rewrap the expressions).
# fmt: off
RULES: tuple[Rule, ...] = (
    # --- self_harm: thoughts of dying, active or passive ---------------------------------
    Rule(
        _I,
        rf"\b{_WANT}\s+(?:to\s+)?{_ADV}{_DIE}\b",
        joke=True,
        veto=r"\b(?:not|never|don't|do not|doesn't|didn't|won't|wouldn't|no longer)\s+(?:\w+\s+){0,2}$",
    ),
    Rule(
        _I,
        rf"\b{_WANT_SOFT}\s+(?:to\s+)?{_ADV}{_DIE_STRONG}\b",
        joke=True,
        veto=r"\b(?:not|never|don't|do not|doesn't|didn't|won't|wouldn't|no longer)\s+(?:\w+\s+){0,2}$|\b(?:meeting|call|sprint|loop|relationship|contract|conversation|email|presentation|talk|the day|game|match|stream|session|season|series|show|chapter|story|book|essay|thread|debate|argument|discussion)\b",
    ),
    Rule(
        _I,
        r"\bi\b[^.!?\n]{0,40}\bto (?:end it(?: all)?|end (?:my|this) (?:own )?life|kill myself|take my (?:own )?life|not wake up|not be alive|not exist|stop existing)\b(?! (?:with|at|for|early|here|there|by|before|on (?:the|a)|in (?:the|a)|up)\b)",
        joke=True,
        veto=r"\b(?:not|never|don't|do not|doesn't|didn't|won't|wouldn't|no longer)\s+(?:\w+\s+){0,3}$|\b(?:meeting|call|sprint|loop|relationship|contract|conversation|email|presentation|talk|game|match|stream|session|season|series|show|chapter|story|book|essay|thread|debate|argument|discussion|subscription|lease|partnership|streak|trial)\b",
    ),
    Rule(
        _I,
        rf"\b{_THINK}\s+{_ADV}(?:about\s+|of\s+)?{_ADV}{_DYING}\b",
        joke=True,
        veto=r"\b(?:not|never|don't|didn't|no longer|stopped)\s+(?:\w+\s+){0,2}$",
    ),
    Rule(
        _I,
        r"\bsuicidal\b",
        topic=True,
        veto=r"\b(?:not|never|no longer|isn't|wasn't|aren't|n't)\s+(?:\w+\s+){0,2}$",
    ),
    Rule(_I, r"\b(?:feel|feeling|felt|been|am|i'm|get|getting|got|so|very|pretty|kinda|a bit|little|bit|more|really|actively|passively)\s+suicidal\b|\b(?:my|the) suicidal (?:thoughts|feelings|urges|ideation) (?:are|came|come|have|keep|is|were)\b|\bsuicidal (?:thoughts|feelings|urges) (?:are back|again|came back|keep coming|won't stop|have returned)\b", veto=r"\b(?:not|never|no longer|n't)\s+(?:\w+\s+){0,2}$|\b(?:my|a|our|her|his|their) (?:friend|friends|colleague|coworker|co-worker|student|students|teammate|roommate|flatmate|cousin|sister|brother|son|daughter|report|mentee|partner|client|patient|mum|mom|dad)(?:'s)? (?:\w+ ){0,3}$"),
    Rule(
        _I,
        r"\bsuicid(?:e|al)\b",
        topic=True,
        veto=r"\b(?:died|dies|die|death|deaths|lost|losing|loss|after|following) (?:by |to |from |a |the |his |her |their )?$|(?:career|social|political|professional|financial|commercial|brand|electoral|corporate|reputational|academic) $|^ ?(?:squad|mission|run|doors?|burn|king|silence|linux|\w+ squad)",
    ),
    Rule(
        _I,
        r"\b(?:kill|killing|killed|off|offing|unalive|unaliving|hurt|hurting) myself\b",
        joke=True,
        veto=r"^ (?:over|trying|to (?:finish|get|meet|make|learn|keep|hit|ship|deliver|pass)|for (?:this|that|a|the|them|work|nothing|a job)|with (?:work|this|overtime|the)|working|at work|at the gym|studying|laughing|on (?:this|that|the)|in (?:the gym|practice|training)|playing|lifting|running|cooking)|\b(?:could|could've|could have|would've) (?:\w+ )?$|\b(?:not|never|won't|wouldn't|don't)\s+(?:\w+\s+){0,2}$",
    ),
    Rule(_I, r"\b(?:kms|kys|ctb|sewerslide|unalive|self[- ]?delete|self[- ]?deleting)\b"),
    Rule(
        _I,
        r"\b(?:end|ending|ended|take|taking) (?:it all|my (?:own )?life|my life)\b(?! (?:in|into|back|to the|seriously|more|a new|and run)\b)",
        veto=r"^ (?:with)\b|\b(?:not|never|n't)\s+(?:\w+\s+){0,2}$",
    ),
    Rule(
        _I,
        r"\b(?:better off|happier|easier|be fine|be okay|be relieved|move on|not even notice|not notice|not miss me)\b[^.!?\n]{0,25}\bwithout me\b",
        veto=r"^(?:[^.!?\n]{0,25})\b(?:on the team|in the team|on this team|in the meeting|at work|on the project|at the company|in the company|on the call)\b",
    ),
    Rule(
        _I,
        r"\b(?:better off|be better) (?:if i (?:was|were|wasn't|weren't|had never been|was never|were never|died|was dead|were dead|was gone|were gone|disappeared)|dead|gone)\b",
        veto=r"^ (?:from|at|with|to)\b",
    ),
    Rule(
        _I,
        r"\bno (?:point|reason|purpose|use)\s+(?:in |to |for |of )?(?:me )?(?:living|being alive|being here|life|my life|existing|exist|live|go on|going on|keep going|keeping going|waking up|wake up|stay(?:ing)? alive|carry(?:ing)? on|continuing)\b",
    ),
    Rule(_I, r"\b(?:don't|do not|can't|cannot|fail to|no longer|stopped being able to) (?:really |even |honestly )?see (?:the |any )?(?:point|reason|purpose)\s+(?:of |in |to |for )?(?:(?:me |my )?(?:living|being alive|being here|life|existing|exist|live|go on|going on|keep going|waking up|wake up|staying alive|anything|any of (?:it|this)|trying)|anymore|any more)\b", veto=r"\b(?:project|job|meeting|course|class|degree|app|feature|framework|code|ticket|sprint|standup|work|company|this task|this role)\b[^.!?]{0,12}$|^ (?:of|in|to) (?:this|the|my) (?:project|job|meeting|course|class|degree|app|feature|framework|code|ticket|sprint|standup|work|company|task|role)\b"),
    Rule(
        _I,
        r"\b(?:life|living|being alive|existing|my life|it|any of this)\s+(?:is|isn't|is not|'s|feels|seems|doesn't seem|does not seem|doesn't feel|isn't really|is no longer|has stopped being)\s+(?:not\s+|no longer\s+)?(?:worth (?:living|it anymore|anything)|pointless|meaningless|unbearable)\b",
        veto=r"^(?:[^.!?\n]{0,20})\b(?:job|work|project|course|degree|class)\b|\b(?:this job|this project|this course|this class|this degree|work)\b[^.!?\n]{0,12}$",
    ),
    Rule(_I, r"\bnot worth (?:living|being alive|staying alive|saving|the air i breathe)\b"),
    Rule(
        _I,
        r"\b(?:tired|sick|exhausted|weary|done|had enough|have had enough|'ve had enough|fed up) (?:of|with) (?:fighting to stay alive|trying to stay alive|staying alive|being a person|being me|living|being alive|life|existing|existence|breathing|being here|waking up|it all|everything)\b",
        joke=True,
        veto=r"^ (?:at|in|on) (?:this|the|my) (?:job|company|team|office|project)|^ (?:like this )?(?:at|in) work\b",
    ),
    Rule(
        _I,
        r"\b(?:don't|do not|dont|no longer|never) (?:\w+ )?(?:want|wanna|wish|care) (?:to )?(?:live|be alive|exist|wake up|be here anymore|be around anymore|go on|keep living|keep going anymore|be in this world|continue living|stay alive|be on this earth|live anymore)\b",
        veto=r"^ (?:(?:early|at|for|in|with|like|on)\b|here\b|in (?:this|the) (?:city|job|team|company)|(?:this|that) way)",
    ),
    Rule(
        _I,
        r"\b(?:wish|wishing|wished|hope|hoping|pray|praying) (?:that )?(?:i|i'd|i had) (?:was|were|had been|'d been|had never been|was never|were never|'d never been|never was|wasn't|weren't|didn't|would|could|would just|could just|will|won't|don't|do not|never)\s+(?:\w+\s+)?(?:dead|born|exist|existed|gone|here|alive|wake up|woke up|be around|been born|die|died|disappear|disappeared|stop existing|vanish|go to sleep and|fall asleep and|sleep forever)\b",
        joke=True,
        veto=r"^ (?:(?:today|tomorrow|at|on|for|in|with|to|during|instead|yet|early|there|home)\b|in (?:time|the))",
    ),
    Rule(_I, r"\b(?:wish|want|wanting|wanted|hoping|hope) (?:it|everything|this|all of it|all this|the pain|life) (?:would |could |to |will )?(?:all )?(?:just )?(?:end|stop|be over)\b(?! (?:soon|quickly|already|early|on time))", needs=r"\b(?:life|living|alive|exist|anymore|any more|tired|can't|cannot|pain|hurts|numb|empty|hopeless|die|dead|gone|burden|everyone|nobody|no one|over|permanently|for good|forever)\b", veto=r"\b(?:meeting|week|day|sprint|semester|project|shift|call|exam|quarter|term|year|deadline|class|standup|course|month|season|lecture|presentation|talk|review|interview|season)\b"),
    Rule(
        _I,
        r"\b(?:can't|cannot|can not) (?:go on|keep going|do (?:this|it|life) anymore|live like this|take (?:it|this|life) anymore|keep living|carry on)(?:\s+(?:any ?more|much longer|like this))?\s*(?:[.!,]|$)",
        needs=r"\b(?:die|dead|alive|life|living|exist|gone|end it|ending it|burden|disappear|wake up|without me|no one would|nobody would|pills|goodbye|sorry for everything|point|hopeless|numb|empty)\b",
        veto=r"\b(?:job|work|company|team|manager|boss|project|course|class|degree|semester|role|position|commute|meeting|meetings|codebase|program)\b",
    ),
    Rule(
        _I,
        r"\b(?:nobody|no one|noone|no-one) (?:would|will|'d|is going to|gonna) (?:even )?(?:care|notice|miss me|cry|come to my funeral|remember me)\b(?:[^.!?\n]{0,30}\b(?:if|when) i (?:died|was gone|were gone|disappeared|die|disappear|wasn't here|weren't here|was dead|were dead|killed myself|ended it))?",
        needs=r"\b(?:die|died|dead|gone|disappear|disappeared|wasn't here|weren't here|funeral|killed myself|ended it|end it|not here|alive|exist)\b",
    ),
    Rule(
        _I,
        r"\b(?:i'm|i am|i feel like|feel like|i've become|i'm just|i am just|i'm such|i am such|being) (?:such |just |only |nothing but )?(?:a )?(?:burden|waste of (?:space|air|oxygen|life))\b",
        needs=r"\b(?:everyone|everybody|my family|my parents|my kids|the world|without me|gone|die|dead|alive|exist|disappear|anymore|world|space|oxygen|air|life)\b",
        veto=r"\b(?:team|project|sprint|the company|on the team|at work|to the team|to my team|coworkers|colleagues)\b",
    ),
    Rule(
        _I,
        r"\b(?:the )?(?:world|everyone|everybody|my family|my parents|my kids|people|they|she|he|my team|my friends) (?:would|will|'d) (?:be )?(?:better|happier|easier|relieved|fine|okay|ok)\b[^.!?\n]{0,25}\b(?:if i (?:was|were|wasn't|weren't|died|was gone|were gone|disappeared|was dead|were dead|never existed|didn't exist|wasn't around|weren't around|wasn't here|weren't here)|without me)\b",
        veto=r"\b(?:on the team|at work|in the meeting|on the project|on this project|in the company|left the company|quit|resign|transferred)\b",
    ),
    Rule(
        _I,
        r"\b(?:i'm|i am|im) (?:so |really |just |honestly )?(?:done|finished|through) (?:with )?(?:living|being alive|life|existing|with it all|with everything|with this life|with this world)\b",
        veto=r"^ (?:at|in|on) (?:this|the|my)\b",
    ),
    Rule(
        _I,
        r"\b(?:(?:go|went|fall|fell|going|falling) to sleep|sleep|fall asleep|falling asleep|close my eyes) (?:and|&) (?:just )?(?:never|not|don't|do not|won't) (?:wake|open|come back)",
        joke=True,
    ),
    Rule(_I, r"\b(?:hope|hoping|pray|praying|wish|wishing) (?:that )?(?:i|i'd) (?:just )?(?:don't|do not|never|won't|wouldn't|didn't) (?:wake up|get up|see tomorrow|see the morning|make it through|survive)\b", veto=r"^ (?:early|at|for|in time|before|late)\b"),
    Rule(
        _I,
        r"\b(?:hope|hoping|pray|praying|wish|wishing)\b[^.!?\n]{0,25}?\b(?:i|i'll|i'd) (?:won't|will not|wouldn't|don't|do not|never|didn't) (?:be (?:here|around|alive)|wake(?: up)?|make it|see (?:the morning|tomorrow|another day|my birthday|next year|the sun))\b(?! (?:early|late|for (?:the|my|a)|at (?:the|work|my)|in time|on time|to (?:the|my|work))\b)",
        veto=r"\b(?:meeting|standup|class|lecture|shift|office|work tomorrow|interview|exam|call)\b[^.!?\n]{0,15}$",
    ),
    Rule(
        _I,
        r"\b(?:wish|wished|hope|hoping) (?:that )?(?:a |the |some )?(?:car|bus|truck|train|plane|accident|illness|cancer|something) (?:would |will |could )?(?:just )?(?:hit|kill|take|end|crash)\b",
    ),
    Rule(
        _I,
        r"\b(?:walk|walked|walking|step|stepped|stepping|throw myself|jump|jumped|jumping) (?:out )?(?:in ?to|in front of) (?:a |the |oncoming )?(?:traffic|train|bus|truck|car|sea|ocean|river|lake)\b",
    ),
    Rule(
        _I,
        r"\b(?:want|wanna|wanted|going|gonna|plan|planning|decided|ready) (?:to )?(?:\w+ )?(?:say|write|send) (?:my )?(?:goodbyes?|final goodbyes?|last goodbyes?)\b",
    ),
    Rule(
        _I,
        r"\b(?:want|wanna|ready) (?:to )?(?:\w+ )?(?:stop|quit|end) (?:the pain|this pain|everything|living|existing|breathing|being alive|life)\b",
        veto=r"^ (?:at|in|on|with|early|for)\b",
    ),
    Rule(
        _I,
        r"\b(?:attempted|attempt|attempting|tried|trying|try) (?:suicide|to (?:kill|end) (?:myself|my life|it all))\b|\bsuicide attempt\b|\b(?:my|last|previous|first|second) (?:suicide )?attempt\b(?= (?:was|last|in|when|at|on|\d))",
        topic=True,
    ),
    Rule(
        _I,
        r"\b(?:after|since|following|before) my (?:\w+ )?(?:suicide attempt|attempt on my life|overdose)\b|\b(?:my|i made a|i had a) (?:\w+ )?suicide attempt\b|\bi (?:attempted|tried) (?:suicide|to (?:kill|end) (?:myself|my life))\b",
    ),
    Rule(
        _I,
        r"\b(?:passive )?(?:suicidal )?(?:ideation|intrusive thoughts about (?:dying|death|ending it|killing myself))\b",
        topic=True,
    ),
    Rule(
        _I,
        r"\bi\b[^.!?\n]{0,40}\b(?:want|wanna|wish|would like|'d like) (?:to )?(?:\w+ ){0,2}(?:not (?:to )?exist|to stop existing|to not exist|to be erased|to be nothing|to never have existed)\b",
    ),
    Rule(
        _I,
        r"\b(?:why (?:should|would|do) i (?:even )?(?:bother )?(?:keep |stay |go on )?(?:living|stay(?:ing)? alive|being alive|wake up|exist|go on|keep going))\b",
    ),
    Rule(
        _I,
        r"\b(?:want|wanna|wish|ready|tempted|urge|planning|plan|going|gonna|decided) (?:to )?(?:\w+ )?(?:go to sleep|sleep|fall asleep) (?:forever|permanently|for good|and never)\b",
    ),
    Rule(
        _I,
        r"\bi (?:don't|do not) (?:think i )?(?:want|wanna) to (?:be|stay) (?:alive|here|around|in this world)(?: anymore| any more| much longer)?\b",
        veto=r"^ (?:at|in|on|for|with|during|when)\b",
    ),
    Rule(
        _I,
        r"\b(?:better off|better|easier|lighter|simpler|happier|fine|okay|ok|relieved|free|freer|smoother|calmer|at peace|less of a burden)\b[^.!?\n]{0,40}?\b(?:if i (?:just |simply |finally |were to |was to )?(?:wasn't|weren't|was not|were not|died|was dead|were dead|was gone|were gone|disappeared|didn't exist|never existed|stopped existing|ended it|killed myself|wasn't (?:around|here|alive)|weren't (?:around|here|alive)|was never born|had never been born|never woke up|didn't wake up|die|died|was to die)|without me(?! (?:on|at|for|during|while|until|there|this|that|the|as|in (?:the|this|that|a))\b)|with (?:one less me|me gone|me dead|me out of the picture)|once i'm gone|when i'm gone|after i'm gone|if i'm gone|if i'm dead)\b",
        veto=r"\b(?:on the team|on this team|on the project|on this project|in the meeting|on leave|on vacation|on holiday|on pto|while i'm|for a (?:week|day|month|while)|during my|the sprint|the release|the launch|the demo|quit|quitting|resign\w*|left the company|leave the company|leaving the company|transfer\w*|at the company|in the company|new job|job offer|notice period|the group project|the band|the club|the startup|co-?founder)\b",
    ),
    Rule(
        _I,
        r"\b(?:one less me|world (?:needs|needed) one less|(?:shouldn't|should not|don't deserve to|do not deserve to|wasn't meant to|was never meant to|not meant to) (?:\w+ )?(?:exist|be alive|live|be born|have been born|be breathing|take up space)|should never have been born|waste of (?:space|oxygen|air|skin|a life)|taking up (?:space|oxygen|air) (?:that|someone|other)|don't deserve (?:to live|life|to be alive|to exist|to be here))\b",
        veto=r"\b(?:code|function|feature|class|module|variable|ticket|meeting|this job|this role|project|microservice|service|file|table|column|test|bug|pr|branch)\b[^.!?\n]{0,12}$",
    ),
    Rule(_I, r"\b(?:wasn't planning (?:on|to)|didn't plan (?:on|to)|didn't expect to|won't|will not|not going to|am not going to|i'm not going to|don't plan on|do not plan on|don't plan to|do not plan to|not planning to|don't intend to|not planning on|no plans? (?:on|of|to)|don't expect to|do not expect to|don't think i'll|i don't think i will|not gonna|doubt i'll|i doubt i will|hope i won't|might not)\s+(?:\w+\s+)?(?:still\s+)?(?:be|being|stay|staying|be still|remain|make it)\s+(?:alive|around (?:much|for much) longer|around for (?:much )?long|here (?:much|for much) longer|to (?:see|my \w+ birthday|next year|christmas|the end of (?:the|this) (?:year|month|week)))\b", veto=r"\b(?:retire|retirement|at this company|in this job|on this team|at the company|in this role|for the launch|for the meeting|after the merger|in tech|in this industry|in this field|on the project|at work|in the office|at the office|contract|visa|lease|internship|probation)\b"),
    Rule(_I, r"\b(?:if i'm|if i am|assuming i'm|assuming i am) (?:still )?alive\b", joke=True, needs=r"\b(?:not sure i (?:want|wanna) to be|don't want to be|hope (?:i'm|i am) not|hoping (?:i'm|i am) not|probably (?:won't|not)|doubt|rather not|not planning|don't plan|won't be|which i hope|wish i wasn't|better if)\b"),
    Rule(
        _I,
        r"\b(?:worth (?:staying|being|keeping|remaining) alive|worth living for|worth being alive|(?:nothing|not much|little|no one|nobody|anything|anyone) (?:left )?(?:worth )?(?:to |for me to )?(?:live|stay alive|keep living|go on) for|(?:reason|reasons|point|purpose) (?:\w+ ){0,2}(?:to|for|in|of) (?:me )?(?:keep(?:ing)? )?(?:living|being alive|staying alive|stay alive|be alive|existing|exist|go on living|going on living|keep going on)|what(?:'s| is) the point (?:of|in) (?:me )?(?:even )?(?:living|being alive|staying alive|existing|going on|waking up|life|my life))\b",
        veto=r"\b(?:feature|project|product|code|library|framework|startup|company|app|job|role|meeting|standup|the team)\b[^.!?\n]{0,10}$",
    ),
    Rule(
        _I,
        r"\b(?:wouldn't|would not|won't|don't|do not|didn't|did not|wouldn't really|wouldn't even) (?:really |even )?(?:mind|care|be sad|be upset|fight it|complain) if (?:a (?:car|bus|truck|train) (?:came|comes|hit|hits|didn't stop)|i (?:died|die|didn't wake|don't wake|never woke|never wake|got hit|get hit|was hit|was gone|disappeared|wasn't here|weren't here|didn't make it|don't make it|never came back)|something (?:happened to me|hits me|hit me|killed me|kills me|took me)|a (?:car|bus|truck|train|plane) (?:hit|hits|killed|took) me|(?:it|this|everything|life) (?:all )?(?:ended|was over|stopped|just ended))\b",
    ),
    Rule(
        _I,
        r"\b(?:don't|do not|stopped|no longer|barely|never) (?:really |even )?(?:look|looking|check|checking) (?:\w+ )?(?:when|before|while) (?:i )?cross(?:ing)?\b|\bif (?:something|a car|a bus|a truck|the train|a train) (?:hits|hit|kills|killed) me\b[^.!?\n]{0,30}\b(?:it hits me|so be it|fine|whatever|i wouldn't mind|wouldn't care|i don't care|good|oh well)\b",
    ),
    Rule(
        _I,
        r"\b(?:worth more (?:dead|to them dead|gone)|(?:life insurance|insurance payout|insurance money)\b[^.!?\n]{0,60}\b(?:family|kids|wife|husband|partner|parents|mum|mom|they|them|be okay|be fine|better off|pay off|debts?|mortgage))\b",
        veto=r"\b(?:sell|selling|sales|policy document|agent|insurtech|quote|premium|claims department|underwrit\w*|actuar\w*|product|startup|client|customers|feature|benefits package|open enrollment|hr portal|employer)\b",
    ),
    Rule(_I, r"\b(?:hope|hopes|hoping|wish|wishes|wishing|pray|prays|praying)\b[^.!?\n]{0,25}\b(?:my heart (?:would |will |just |to |might )*(?:stop|stops|gives out|gave out|quits|gives up)|(?:the |my |a |this )?(?:plane|flight|train|bus|car|elevator|lift|ferry) (?:\w+ )?(?:would |will |just |might )*(?:goes down|go down|crashes|crash|falls|fall|derails|hits me|hit me))\b"),
    Rule(
        _I,
        r"\b(?:don't think|do not think|doubt) (?:anyone|anybody|people|they|my family|my friends|a single person) (?:would|will|'d) (?:really |even |actually )?(?:miss me|notice|care|cry|come to my funeral)\b",
        needs=r"\b(?:die|died|dead|gone|disappear\w*|for good|forever|not here|wasn't here|weren't here|funeral|kill myself|ended it|alive|exist)\b",
    ),
    Rule(
        _I,
        r"\b(?:allowed to|let myself|get to|be able to) (?:just )?(?:die|not wake up|stop existing|stop living|not exist)\b|\blet (?:me|myself) (?:just )?die\b",
        veto=r"\b(?:character|characters|game|plants?|the pod|the process|the branch|the feature|idea|project|startup|npc|hero|villain|tamagotchi|sim|sims|build|campaign)\b",
    ),
    Rule(_I, r"\b(?:nice|peaceful|easier|better|a relief|restful|good|great|lovely|simpler|calm|quiet) (?:it )?(?:would|'d|will) (?:be|feel) (?:so |much |so much |a lot )?(?:easier |nicer |better )?(?:to )?(?:just )?(?:not (?:exist|be here|be alive|be around|wake up)|die|disappear(?! for)|stop existing|be gone(?! for)|fall asleep forever|never wake up|switch off for good|not have to exist)\b|\b(?:switch(?:ed)? off|shut(?:ting)? down|log(?:ging)? off) (?:for good|forever|permanently)\b(?![^.!?\n]{0,30}\b(?:laptop|phone|server|account|twitter|social|app|platform|notifications|slack|email|site|computer|pc|instagram|facebook|tiktok)\b)"),
    Rule(
        _I,
        r"\b(?:using|use|turn|turning|turned|point|pointing|pointed) (?:it|them|that|this|the (?:gun|knife|rope|pills|blade)) (?:on|at|against) myself\b",
    ),
    Rule(
        _I,
        r"\b(?:i'm|i am|i've|i have|i think i've|i think i have|honestly i've)\s+(?:\w+\s+)?(?:had enough of|done with|finished with|through with) (?:living|life|being alive|existing|it all|everything)\b",
        veto=r"^ (?:at|in|on) (?:this|the|my)\b",
    ),
    Rule(
        _I,
        r"\b(?:want(?:ed)? to|wanting to|sure i want(?:ed)? to|care (?:if|whether) i|going to|gonna) (?:even )?make it (?:to|through) (?:the )?(?:morning|tomorrow|next week|the night|the weekend|christmas|new year)\b",
        veto=r"\b(?:flight|train|bus|meeting|deadline|class|lecture|shift|on time|traffic|party|concert)\b",
    ),
    Rule(_I, r"\bwaiting for (?:my life|your life|it all|everything|life|my time) to (?:be over|end|stop|run out)\b|\b(?:only|sole|one|main) reason (?:i'm|i am|i'm still|i am still) (?:still )?(?:here|alive|around|going|breathing)\b"),
    Rule(
        _I,
        r"\bif i (?:didn't|did not|don't|never|wouldn't) wake up\b[^.!?\n]{0,40}\b(?:sad|mind|care|fine|okay|relief|relieved|good|better|happy|peace|matter)\b",
    ),
    Rule(
        _I,
        r"\b(?:can't|cannot|can not|couldn't) (?:\w+ )?(?:deal|cope|handle|stand|bear) (?:with )?(?:being alive|living|existing|being here|being a person|my existence)\b",
    ),
    Rule(
        _I,
        r"\b(?:god|he|someone|something|death|the lord|the universe) (?:would |will |to |could )?(?:just )?(?:take|takes|took) me\b[^.!?\n]{0,25}\b(?:sleep|tonight|away|home|already|soon)\b",
    ),
    Rule(_I, r"\b(?:stopped caring|don't care|do not care|no longer care|doesn't matter)\b[^.!?\n]{0,15}\b(?:whether|if) i(?:'m| am| will be|'ll be)? (?:wake up|live|die|make it|survive|get hit|alive|still alive|here)\b"),
    Rule(
        _I,
        r"\b(?:terminal|cancer|diagnosis|illness|disease|accident|crash)\b[^.!?\n]{0,60}\b(?:relieved|relief|glad|welcome it|wouldn't fight|grateful|thankful)\b",
        needs=r"\b(?:i'd|i would|i think|part of me|honestly|i'm not going to do anything|i wouldn't)\b",
        veto=r"\b(?:benign|all clear|treatable|cured|remission|negative|not cancer|false alarm|caught early)\b",
    ),
    Rule(_I, r"\b(?:want|wanting|wanna) to be alive\b", needs=r"\b(?:haven't|hasn't|didn't|wasn't|no energy|not|so over|no longer|don't|can't|never|nothing|stopped)\b[^.!?\n]{0,30}\bwant(?:ing)? to be alive\b"),
    Rule(_I, r"\b(?:not sure|unsure|don't know|do not know|doubt|no idea)\b[^.!?\n]{0,20}\b(?:if |whether |that )?(?:i |i'll |i will )?(?:even |still )?(?:want|wanna|will want|'ll want|be|am going to be|'m going to be)\s+(?:to )?(?:be alive|live|be here|stay alive|still be alive|be around|alive)\b", veto=r"^ (?:for|at|in|on|when|after|with) (?:this|the|my|our|that) (?:job|company|team|role|position|city|country|office|project)\b"),
    Rule(_I, r"\b(?:don't|do not) think i(?:'m| am) (?:going to|gonna) (?:still )?be (?:alive|around|here) (?:much longer|for long|long|by|next|to see|in)\b|\b(?:not sure|doubt) i(?:'ll| will) (?:still )?be (?:alive|around) (?:by|in|next|for|to see)\b", veto=r"^ (?:at|in|with|on|for) (?:this|the|my|our|that) (?:company|team|job|role|office|city|project|position)\b|\b(?:visa|contract)\b"),
    Rule(
        _I,
        r"\b(?:easier|better|nicer|simpler|preferable) to (?:just )?(?:not exist|die|disappear|not be here|be dead|not wake up|stop existing|end it) than\b",
    ),
    Rule(
        _I,
        r"\b(?:time|ready|my turn) (?:for me )?to (?:stop taking up space|stop existing|leave this world|be gone)\b|\b(?:outlived my usefulness|stopped? taking up space|taking up space in this world)\b",
    ),
    Rule(
        _I,
        r"\b(?:everyone|everybody|the world|people)(?:'s| is| would be|'d be) better off if you(?:'re| are| were) (?:dead|gone)\b|\bwould (?:anyone|anybody) (?:even |really )?(?:miss me|notice|care)\b",
        needs=r"\b(?:dead|died|die|gone|disappeared|funeral|alive|kill myself|better off)\b",
    ),
    Rule(
        _I,
        r"\b(?:step(?:ped|ping)?|walk(?:ed|ing)?|cross(?:ed|ing)?) (?:off the (?:kerb|curb)|into the road|into traffic|onto the road)\b[^.!?\n]{0,30}\b(?:without looking|didn't look|not looking|hoping|part of me)\b|\b(?:fine|okay|ok|relief|wouldn't mind|don't care|good) if (?:a|the) (?:car|truck|bus|train|lorry) (?:just )?(?:hit me|hits me|didn't stop|doesn't stop|came|took me)\b",
    ),
    Rule(_I, r"\b(?:being dead|dying|not existing|not being here|not waking up|death) (?:would be|sounds|seems|feels like|would feel like) (?:a |such a )?(?:relief|easier|better|nice|peaceful|good|rest|restful|mercy|like a relief|appealing|tempting)\b"),
    Rule(_I, r"\b(?:so |just |really )?over (?:existing|being alive|living|it all|life)\b",
         veto=r"^ (?:at|in|on)\b|\b(?:game|show|series|season|trend|phase)\b"),
    Rule(_I, r"\bif (?:something|a car|a bus|a train|anything|a truck) (?:came|comes|hit|hits)\b[^.!?\n]{0,25}\b(?:wouldn't|won't|would not|will not) (?:step back|move|get out of the way|jump back|dodge)\b"),
    Rule(_I, r"\blife\b[^.!?\n]{0,40}\bwaiting (?:for it )?to (?:be over|end)\b|\b(?:don't|do not) think i(?:'ll| will) (?:want|wanna) to (?:stay alive|live|be alive|keep living|be here|keep going)\b"),
    Rule(_I, r"\b(?:took|swallowed|downed|taken) (?:a bunch of|all (?:of )?(?:my|the)|too many|a handful of|lots of|loads of|a whole (?:bottle|box) of)\s+(?:\w+ )?(?:pills|tablets|meds|painkillers|sleeping pills)\b|\bhop(?:e|ing) (?:not to|to not|i don't|i won't|never to) wake(?: up)?\b",
         veto=r"\b(?:by accident|accidentally|doctor|prescribed|for my (?:headache|migraine|cold|flu)|vitamins)\b"),
    Rule(_I, r"\b(?:it|that|things|everything|life)(?:'d| would)(?: honestly| really| just)? be (?:so |much |so much |a lot |way )?(?:easier|nicer|better|simpler|kinder|a relief) (?:for everyone )?(?:to|if i) (?:just )?(?:not exist|not be here|not be alive|die|died|disappear|disappeared|wasn't here|weren't here|was gone|were gone|stop existing|not wake up|didn't wake up|end it)\b"),
    Rule(_G, r"\b(?:thank|thanks|thank u|thank you) (?:\w+ )?before i go\b|\bbefore i go,? i (?:wanted|want|had) to (?:say|thank|tell)\b",
         needs=r"\b(?:by the time|it'll be over|it will be over|for good|forever|goodbye|bye|last|final|not your fault|sorry|made my (?:mind|decision))\b",
         veto=r"\b(?:vacation|holiday|leave|trip|travel|abroad|exchange|sabbatical|move|moving|new job|notice|company|team|internship|contract|handover)\b"),
    Rule(_I, r"\b(?:ready to|want to|wanna|thinking of|thinking about|going to|long to|longing to|wish i could|time to|i'll soon|about to) (?:follow|join|be with|go to|see) (?:them|her|him|my (?:\w+ )?(?:wife|husband|mum|mom|mother|dad|father|son|daughter|friends|partner|brother|sister|baby))\b",
         needs=r"\b(?:passed|passed away|died|gone|dead|lost|late|grave|heaven|funeral|again|permanently|miss (?:her|him|them)|widow\w*|all gone|affairs in order|will not write again|won't write again|hurry)\b",
         veto=r"\b(?:on vacation|on holiday|for dinner|for lunch|in (?:paris|london|the city|canada|spain)|at the (?:conference|office|party)|next week|this weekend|move|moving|visit)\b"),
    Rule(_I, r"\b(?:cancel|unsubscribe from|log off from|log out of|opt out of|delete|uninstall|check out of|resign from) (?:my )?(?:life|existence|being alive|living|this life|the world)\b",
         veto=r"\b(?:social|subscription to|netflix|gym|account|app)\b[^.!?]{0,10}$"),
    Rule(_I, r"\bwaiting (?:to|for (?:my|the)) (?:run out of days|days to run out|my days to run out|my time to come|the end to come)\b|\btakes? me (?:out of|away from) (?:all this|this world|here|everything) (?:for good|forever|permanently)\b"),
    Rule(_I, r"\b(?:no one|nobody|noone|no-one) would (?:even |really |actually )?(?:miss me|notice (?:i'm|i was|if i) (?:gone|dead|missing))\b",
         veto=r"\b(?:at the party|at the meeting|from the meeting|at the event|in class|on the team|if i (?:skip\w*|left|leave|quit|don't go|didn't go))\b"),
    Rule(_I, r"\b(?:wouldn't|would not|won't|don't|do not) (?:really |even )?mind (?:a |an |dying in a |being in a )?(?:fatal |deadly |bad |serious )?(?:car )?(?:crash|accident|collision|heart attack)\b|\bhop(?:e|ed|ing) (?:something|a car|a bus|someone|a truck) (?:hits|hit|runs over|kills|takes) me\b"),
    Rule(_I, r"\b(?:if )?(?:anyone|anybody|people) would (?:even |really |actually )?(?:care|notice|miss me)\b",
         needs=r"\b(?:dead|died|die|gone|disappeared|funeral|alive|kill myself|better off|if i was|if i were|stopped showing up)\b"),
    Rule(_I, r"\b(?:notice|care|miss me)\b[^.!?\n]{0,10}\bif i (?:stopped showing up|disappeared|vanished|was gone|were gone|wasn't here|weren't here|died)\b"),
    Rule(_I, r"\bcross(?:ing)? (?:the )?(?:road|street)\b[^.!?\n]{0,12}\bi (?:don't|do not|no longer|stopped) look\b"),
    Rule(_I, r"\b(?:hope|hopes|hoping) (?:that )?(?:the |my )?(?:biopsy|scan|test results?|results|tests?|diagnosis|bloods) (?:comes? back|are|is|will be|come) (?:bad|positive|cancer|terminal|the worst)\b"),
    Rule(_I, r"\bsleep\b[^.!?\n]{0,30}\band (?:not|never) (?:come back|wake up|return|get up)\b|\btired of pretending (?:i want to|to want to|i'm okay|i am okay) (?:be here|live|be alive|stay)?\b"),
    Rule(_I, r"\bhow long (?:does it|would it|will it|before|until) (?:take )?(?:for )?(?:someone|anyone|people|they) (?:to )?notice (?:you're|you are|i'm|i am|someone's|someone is|you've|i've) (?:gone|dead|missing|been gone)\b"),
    # --- self_harm: plans and means ------------------------------------------------------------
    Rule(
        _P,
        r"\b(?:saved|saving|save|stockpil\w*|hoard\w*|collect(?:ed|ing)?|stash(?:ed|ing)?|gather(?:ed|ing)?|kept|keeping|keep|hidden|hid|hiding|counted|counting|bought|buying|got|ordering|ordered|taking|took|pocketing|pocketed|not taking|stopped taking|skipping)\b[^.!?\n]{0,30}?\b(?:pills|meds|medication|medications|tablets|sleeping pills|painkillers|pain killers|antidepressants|insulin|tylenol|paracetamol|acetaminophen|benzos|opioids|oxy|xanax|prescriptions?)\b",
        veto=r"\b(?:for (?:my (?:mom|mum|dad|grandma|grandpa|mother|father|grandmother|grandfather|cat|dog|patients?)|the trip|travel|the pharmacy)|from the pharmacy for|prescribed|doctor (?:said|told)|side effects|with food|on time|every morning|as prescribed|remember to|forget to|forgot to|reminder|schedule|dosage for)\b",
        needs=r"\b(?:enough|all of|a whole|whole|just in case|saved|saving|save|stockpil\w*|hoard\w*|stash\w*|collect\w*|counted|counting|hidden|hid|hiding|one at a time|each (?:week|month|day)|for months|for weeks|what they're for|what they are for|end it|end my|die|not wake|over|kept|keeping|keep them|in a box|in a drawer|secret|nobody knows|no one knows|hasn't noticed|haven't told|don't know)\b",
    ),
    Rule(_P, r"\b(?:how many|how much|what amount of|enough)\s+(?:\w+\s+){0,3}(?:pills|tylenol|paracetamol|acetaminophen|sleeping pills|insulin|meds|tablets|painkillers|xanax|medication)\s+(?:[\w']+\s+){0,5}(?:to (?:die|kill|end|not wake|never wake|overdose|be fatal|be lethal|do it|stop my heart)|would (?:kill|it take|be lethal|be fatal|be enough)|it would take|it'd take|it takes|would be too many|is too many|are too many|too many|is (?:lethal|fatal|enough)|are (?:lethal|fatal|enough))\b"),
    Rule(
        _P,
        r"\b(?:ways?|methods?|means)\b[^.!?\n]{0,15}\b(?:of dying|to die|to end it|to end (?:my|one's|your) life|to kill (?:myself|yourself|oneself)|of killing (?:myself|yourself|oneself)|of suicide)\b",
        veto=r"\b(?:game|zelda|minecraft|dark souls|elden ring|character|characters|npc|in the book|in the novel|in the film|in the movie|plot|screenplay|script|sim|sims|terraria|roguelike|speedrun|thread|process|processes|pod|pods|cells|bacteria|plants)\b",
    ),
    Rule(
        _P,
        r"\b(?:looked up|look up|looking up|googled|googling|checked|checking|researched|researching|measured|asked|read up on|reading up on|found out)\b[^.!?\n]{0,10}\bhow (?:tall|high|deep|far down|cold|fast)\b[^.!?\n]{0,30}\b(?:bridge|building|roof|cliff|balcony|tower|overpass|parking garage|river|water|drop|floor|ledge|train|trains)\b",
        veto=r"\b(?:photo|photograph|architecture|civil engineering|homework|assignment|project|for a (?:design|report|story|game)|drone|wifi|antenna|signal)\b",
    ),
    Rule(
        _P,
        r"\b(?:going|went|go|keep going|kept going|been going|walk|walked|walking|drive|drove|driving|sat|sit|sitting|stood|stand|standing) (?:back )?(?:to |by |at |on |near )?(?:the same |that |a |the )?(?:spot|place|point)? ?(?:by|on|near|at|above|over) (?:the |a )?(?:train tracks|tracks|railway|railroad|bridge|overpass|cliff|cliffs|river|roof|rooftop|edge|ledge|motorway bridge|highway bridge|parking garage)\b",
        needs=r"\b(?:do it|going to do it|gonna do it|when i'll|how i'll|i know when|i know how|end it|end things|jump|step off|let go|one step|it'd be easy|it would be easy|so easy|thinking|looking down|staring|can't stop|again and again|every (?:day|night)|after work|alone)\b",
        veto=r"\b(?:photo|photos|pictures|sunset|view|picnic|party|bbq|drinks|smoke|lunch|coffee|run|running|jog|jogging|walk the dog|dog walk|fishing|birds|birdwatching|trains? spotting|trainspotting|commute|bus stop|station for)\b",
    ),
    Rule(_P, r"\b(?:know|decided|decide|figured out|figure out|worked out|planned|planning|chosen|chose|picked) (?:exactly )?(?:when|how|where) (?:i'm|i am|i'll|i will|i'd|i would|to) (?:going to |gonna )?(?:go to )?(?:do it|end it|end things|go through with it|die|kill myself|jump)\b", needs=r"\b(?:and when|and where|and how|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|while (?:my|everyone|nobody)|die|dying|dead|end it|suicid\w*|kill myself|alive|life|live|tracks|bridge|pills|rope|jump|gun|note|goodbye|last|over|spot|roof|cliff|train)\b"),
    Rule(
        _P,
        r"\b(?:bought|got|ordered|picked up|have|found|got hold of)\b[^.!?\n]{0,30}\b(?:to (?:end it|end my life|kill myself|do it with|use on myself)|that i(?:'m| am) going to use|i(?:'m| am) going to use to)\b",
    ),
    Rule(
        _P,
        r"\b(?:bought|buying|got|getting|have|own|borrowed|took|taken|grabbed|found|keep|keeping|loaded|loading|cleaning)\s+(?:a |my |his |dad's |my dad's |the |our )?(?:gun|rifle|pistol|handgun|shotgun|firearm|revolver)\b",
        needs=r"\b(?:end it|myself|my life|die|dying|suicid\w*|for me|not be here|be gone|goodbye|last|final|no one|nobody|alive|over|tonight)\b",
        veto=r"\b(?:range|hunting|hunt|collection|license|licence|permit|training|course|game|nerf|airsoft|paintball|toy|prop|glue gun|nail gun|heat gun|spray gun|water gun|squirt gun|glue|staple gun|radar gun|speed gun|ci|gun ?metal|top gun)\b",
    ),
    Rule(
        _P,
        r"\b(?:(?:won't|will not|don't think i'll|do not think i will|not going to|i'm not going to|not gonna|might not) (?:step back|step away|come back down|back away|walk away|turn back|hold back)|(?:step off|let go|jump) this time)\b",
        needs=r"\b(?:edge|cliff|cliffs|bridge|roof|rooftop|ledge|balcony|tracks|platform|railing|drop|building|jump|height|high)\b",
    ),
    Rule(
        _P,
        r"\b(?:(?:the )?(?:note|letter|letters|notes)(?:'s| is| are)? (?:written|done|finished|ready)|(?:the )?when and (?:the )?(?:where|how)|(?:the )?(?:where|how) and (?:the )?when)\b",
        needs=r"\b(?:die|dying|dead|end|ending|suicid\w*|kill myself|goodbye|last|final|calm now|at peace|cancelled|canceled|it'll be over|worked out|decided|ready|note|letters?|for good|nobody|no one|pills|bridge)\b",
        veto=r"\b(?:meeting|launch|release|deploy|offsite|event|party|wedding|conference|interview|trip|vacation|holiday|dinner|date|project|sprint|cover letter|thank[- ]you note|release notes|meeting notes|lecture notes|notes app|sticky notes?|patch notes)\b",
    ),
    Rule(
        _P,
        r"\b(?:i'm|i am|i'll|i will|gonna|going to|planning to|plan to|decided to|ready to)\s+(?:\w+\s+)?(?:do(?:ing)? it|kill(?:ing)? myself|end(?:ing)? (?:it|it all|my life|things)|go through with it)\s+(?:(?:\w+\s+)?(?:tonight|tomorrow|this weekend|this week|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|next (?:week|month)|after (?:the|my) \w+|before (?:the|my) \w+|soon|when (?:they|everyone|nobody|no one)|once (?:the|my|i)|today|at \w+))\b",
        needs=r"\b(?:pills|meds|tablets|rope|bridge|roof|edge|gun|note|letters?|goodbye|die|dying|dead|end it|ending it|kill myself|suicid\w*|alive|saved up|stockpil\w*|nobody will|no one will|it'll be over|for good|last)\b",
        veto=r"\b(?:presentation|talk|exam|interview|launch|release|deploy|migration|meeting|demo|move|moving|quit|quitting|resign\w*|tell (?:him|her|them|my)|propose|ask (?:him|her|them)|breakup|break up)\b",
    ),
    Rule(
        _P,
        r"\b(?:pills|meds|medication|tablets|sleeping pills|painkillers)\b[^.!?\n]{0,20}\b(?:saved up|stockpiled|stashed|hidden away|counted out|lined up|ready|collected)\b",
        veto=r"\b(?:for (?:the|my) (?:trip|travel|grandma|grandpa|mom|mum|dad|cat|dog)|organi[sz]er|weekly box|as prescribed|refill|pharmacy)\b",
    ),
    Rule(_P, r"\b(?:written|wrote|finished|left|hidden|hid) (?:the|a|my) (?:note|notes|letter|letters)\b", needs=r"\b(?:do it|going to go|get through|decided when|haven't decided|not decided|when|drawer|day|date|goodbye|end|die|tonight|ready|everything|family|find it|they'll find)\b", veto=r"\b(?:thank[- ]you|cover|recommendation|reference|resignation|complaint|sick|doctor's|apology|love note|to the landlord|to hr|to my manager|to the school|to the council|notice)\b"),
    Rule(
        _P,
        r"\b(?:gun|pistol|rifle|shotgun|firearm)\b[^.!?\n]{0,80}\b(?:thinking about it|think about it|know where the key|keep thinking|staring at it|can't stop thinking|on myself|for me)\b",
        veto=r"\b(?:range|hunting|license|licence|safety course|cleaning it for|collection)\b",
    ),
    Rule(
        _P,
        r"\b(?:haven't|have not|not yet|still haven't|just haven't) (?:decided|picked|chosen|set) (?:on )?(?:the|a|which|what) (?:day|date|when|time)\b",
        needs=r"\b(?:know exactly|what i'd do|what i would do|note|pills|stock|putting \w+ aside|plan|rope|bridge|end it|die|do it)\b",
        veto=r"\b(?:wedding|launch|release|holiday|vacation|trip|party|move|interview|resign|quit|notice|birthday party)\b",
    ),
    Rule(
        _P,
        r"\btonight(?:'s| is) the night\b|\b(?:got|have|i've got) everything i need (?:here|ready|now)\b",
        needs=r"\b(?:tell someone|goodbye|wouldn't panic|won't panic|nobody|no one|last|end|die|pills|rope|note|sorry|everything i need)\b",
        veto=r"\b(?:date|party|concert|game|launch|gig|show|premiere|match|exam|presentation|interview|proposal|propose)\b",
    ),
    Rule(
        _P,
        r"\b(?:drove|drive|driven|driving|went|walked|walking|go|going|keep going|kept going) (?:out )?(?:up )?to (?:the|a) (?:bridge|cliffs?|tracks|railway|rooftop|roof|top (?:floor|level)|edge)\b[^.!?\n]{0,80}\b(?:sat|stood|stand|standing|stayed|an hour|for hours|again|looking|thinking|every day|edge|longer|nobody noticed|went back)\b",
        veto=r"\b(?:picnic|photo|photos|view|sunset|run|jog|walk the dog|fishing|drinks|party|tour|sightseeing|commute|crossing it to)\b",
    ),
    Rule(
        _P,
        r"\b(?:stand|standing|stood|stay|staying) (?:near|at|on|by|close to) the edge\b",
        needs=r"\b(?:car park|parking|roof|rooftop|bridge|top|level|floor|cliff|every day|longer|platform|balcony|building)\b",
        veto=r"\b(?:photo|view|sunset|climbing|hike|hiking|tour|of (?:my|the) (?:comfort zone|seat)|of burnout|of tears)\b",
    ),
    Rule(_P, r"\b(?:picked|chosen|chose|set) (?:a|the) (?:date|day)\b[^\n]{0,100}\b(?:so i don't ruin|so i won't ruin|so it doesn't ruin|after (?:my|her|his|their) \w+'s birthday|after (?:christmas|the holidays|my birthday)|before anyone)\b"),
    Rule(_P, r"\b(?:got|have|i've got|made|i have|i've made) a plan(?: now)?\b", needs=r"\b(?:the stuff i need|everything i need|what i need|keep putting it off|feels? (?:better|calmer|easier|lighter) (?:having|to have|now that i have) a plan|calm now|at peace|made my decision|relief|relieved|after my shift|tonight|this weekend)\b", veto=r"\b(?:launch|meeting|study|revise|workout|gym|diet|budget|presentation|interview|career|savings|pay off|debt|trip|wedding|project|talk to|speak to|ask (?:my|for)|quit|resign|job)\b"),
    Rule(_P, r"\beverything(?:'s| is) (?:ready|set|in place|sorted)\b|\bwaiting for (?:everyone|everybody|them|my (?:parents|family|roommates?)) (?:in the house )?to (?:fall asleep|go to sleep|go to bed|leave|go out)\b",
         needs=r"\b(?:tonight|decided|i've decided|goodbye|ready|asleep|last|end|nobody will|no one will|note)\b",
         veto=r"\b(?:party|surprise|launch|release|deploy|demo|presentation|wedding|gift|present|dinner|game|movie|stream|sneak out|gaming)\b"),
    Rule(_P, r"\b(?:bought|got|ordered|buying) (?:a |some |the )?rope\b",
         veto=r"\b(?:climb\w*|camping|camp|boat|sail\w*|tent|moving|tug|pet|dog|gym|swing|hammock|garden|crafts?|macrame|skipping|jump rope)\b"),
    Rule(_P, r"\blife insurance\b[^.!?\n]{0,60}\b(?:not an accident|if it's not|suicide clause|if i (?:die|died|killed)|still pays? out|pays? out if)\b"),
    Rule(_P, r"\b(?:checked|tested|tried) the roof (?:access|door)\b|\broof (?:door|access) (?:isn't|wasn't|is not|was not) locked\b|\b(?:know|learned|learnt|memori[sz]ed|checked) the (?:train )?(?:timetable|schedule)\b",
         needs=r"\b(?:stood|thinking about it|tracks|quick|tonight|up there|edge|jump|alone)\b",
         veto=r"\b(?:commute|catch the|to work|for work|for the trip|holiday|vacation|maintenance|repair|contractor)\b"),
    Rule(_P, r"\b(?:it'd|it would|it will|it'll) be (?:quick|painless|over fast|easy)\b",
         needs=r"\b(?:tracks|train|bridge|pills|rope|roof|edge|jump|gun|thinking about it|end it|die)\b",
         veto=r"\b(?:meeting|interview|exam|test|call|surgery|procedure|injection|shot|migration|deploy|review|talk|presentation)\b"),
    Rule(
        _P,
        r"\b(?:lethal|fatal|deadly) (?:dose|amount|overdose|height|combination|mix)\b",
        topic=True,
    ),
    Rule(
        _P,
        r"\b(?:painless|quick|quickest|easiest|fastest|peaceful|surest|best|easy|least painful|clean) (?:way|ways|method|methods) (?:to (?:die|go|end it|kill (?:myself|yourself|oneself)|end (?:my|your|one's) life|not wake up)|of (?:dying|suicide|killing (?:myself|yourself)))\b",
    ),
    Rule(
        _P,
        r"\b(?:how (?:to|do you|do i|would i|could i|can i|does one|would someone) (?:kill (?:myself|yourself|oneself)|end (?:my|your|one's) life|die (?:painlessly|quickly|peacefully|in my sleep)|commit suicide|overdose|hang (?:myself|yourself|oneself)|not wake up))\b",
    ),
    Rule(
        _P,
        r"\bhow (?:tall|high|far|many (?:floors|stories|storeys)) (?:does|would|do|is|are|should)\b[^.!?\n]{0,40}\b(?:to (?:die|survive|not survive|be fatal|be lethal|kill)|fall|jump|fatal|lethal|survivable)\b",
        veto=r"\b(?:antenna|server|rack|shelf|fence|wall|plant|tree|stack|tower crane|code|data|ceiling for)\b",
    ),
    Rule(
        _P,
        r"\b(?:(?:picked|chosen|chose|set|decided on|have|got|made|planned|scheduled|i've got|i have) (?:a|the|my|out a|out the) (?:date|day|time|plan|way|method|spot|place|night)|the (?:date|day|night) i(?:'ve| have)? (?:picked|chosen|chose|set|planned|decided))\b",
        needs=r"\b(?:die|dying|dead|end it|ending it|end my|end things|suicid\w*|kill myself|be gone|it'll be over|it will be over|goodbye|alive|not be here|not be around|won't be here|the end|last (?:day|night|time|message)|final|pills|bridge|rope|jump|tracks|do it|go through with it|nobody will|no one will|before then)\b",
        veto=r"\b(?:wedding|launch|release|deploy|deployment|interview|presentation|exam|meeting|vacation|holiday|trip|party|move|moving|start date|first day|sprint|demo|standup|deadline|offsite|date night|first date|a date with|dinner|go-live|go live|cutover|migration|wedding|proposal|birthday party|retro|sprint planning|resignation|resign|notice|quit|quitting|leave the company|leaving the company|announce|announcement|tell my (?:boss|manager|team))\b",
    ),
    Rule(_P, r"\b(?:wrote|written|writing|write|drafted|drafting|left|leaving|leave|finished|prepared|preparing) (?:a |my |the |some |all )?(?:suicide |goodbye |farewell |final |last )(?:note|notes|letter|letters|message|messages|video|email|emails)\b", veto=r"\b(?:firm|company|office|colleagues|coworkers|team|clients|\d+ years)\b|\b(?:(?:to|for) (?:my |the |all my |our )?(?:colleagues|coworkers|co-workers|team|teammates|class|classmates|students|clients|customers|staff|manager|boss)|last day (?:at|is|of)|my last day|leaving do|leaving party|farewell party|retir\w*|new job|moving away|graduat\w*)\b"),
    Rule(_P, r"\bsuicide (?:note|letter|plan|pact|method)s?\b", topic=True),
    Rule(
        _P,
        r"\b(?:standing|stood|sitting|sat|stand|sit|i'm|i am|on) (?:on|at|by) (?:the |a |my )?(?:edge of (?:the |a |my )?(?:roof|bridge|building|balcony|cliff|platform|tracks)|ledge|railing|rooftop|roof|bridge|balcony|tracks|train tracks|platform edge|cliff edge|cliff)\b(?=[^.!?\n]{0,80}\b(?:right now|now|tonight|again|thinking|want|jump|end|looking down|down|can't|staring|edge|alone|so easy|one step)\b)",
        veto=r"\b(?:photo|view|sunset|picnic|party|bbq|drinks|smoke|smoking|lunch|coffee|work from|working from|laptop)\b",
    ),
    Rule(
        _P,
        r"\b(?:gun|rope|noose|pills|razor|blade|knife|bottle of \w+|belt|cord|cable|bag) (?:is |are |sits |sitting |lying |laid out |ready |waiting )?(?:in|on|next to|beside|under|by) (?:my|the) (?:desk|bed|nightstand|table|drawer|pocket|car|hand|lap|room|closet|bag)\b(?=[^.!?\n]{0,60}\b(?:tonight|ready|end|do it|can't|staring|looking at|thinking|just in case|now)\b)",
    ),
    Rule(
        _P,
        r"\b(?:overdos(?:e|ed|ing)|od(?:'d|ed|ing)?|slit (?:my|his|her) (?:wrists?|throat)|noose|hang(?:ed|ing)? myself|blow my brains out|bullet (?:in|through) my (?:head|brain|skull)|gun (?:to|in) my (?:mouth|head|temple)|jump(?:ing)? (?:off|from) (?:a |the |my )(?:bridge|building|roof|cliff|balcony|window|ledge|overpass|parking garage|tower)|drive (?:my car )?(?:off|into) (?:a |the )(?:cliff|bridge|wall|tree|river|oncoming|lake)|drown(?:ing)? myself|carbon monoxide|charcoal (?:burning|grill) in)\b",
        joke=True,
        topic=True,
        veto=r"\b(?:put a gun to my head|if you put|if someone put|with a gun to my head)\b|^ (?:on (?:quality street|chocolate|christmas|candy|cake|sweets|cheese|youtube|snacks|junk food|carbs|coffee|caffeine|sugar|memes|content|tiktok|netflix|anime|pizza|candy))|\b(?:accidentally|accidental|patient|patients|nurse|er |ward|shift|naloxone|narcan|training|case study|clinical|overdosed on (?:coffee|caffeine|sugar))\b",
    ),
    # --- self_harm: farewells -------------------------------------------------------------
    Rule(_G, r"\b(?:thank you for everything|thanks for everything|thank you for all|thank you for (?:trying|listening|being (?:there|kind|nice|patient))|thanks for (?:trying|listening|being (?:there|kind|nice))|bye|goodbye|good bye|farewell|take care of (?:yourself|my \w+|them|everyone)|this is (?:my )?(?:last|final) (?:message|post|note|time|goodbye|text|email|session)|i love you all|tell (?:my|them|her|him|everyone) (?:that )?i (?:love|loved|'m sorry|am sorry)|you won't (?:hear|see) (?:from )?me|won't be (?:around|here) (?:much longer|for long|anymore|any more|tomorrow|after tonight|by (?:monday|tomorrow|the weekend))|gave away|giving away|given away)\b", needs=r"\b(?:your fault|anyone's fault|their fault|(?:was|is)n't (?:their|your|anyone's) fault|bye|before i go|kind to me|nice to me|where (?:they|she|he|someone|you)(?:'ll| will) find|letters? (?:to|for) (?:my|each)|notes? (?:to|for) (?:my|each)|go for good|gone for good|for good|made (?:up )?my (?:mind|decision|peace)|at peace|by the time (?:you|anyone|someone) (?:read|see|sees|reads|get|gets|find|finds)|not your fault|nobody's fault|no one's fault|sorry for everything|sorry for being|forgive me|won't be (?:around|here)|no longer be (?:around|here)|you won't (?:hear|see)|never (?:talk|hear from me|see me) again|last (?:message|time|session|post|note|text|goodbye|night|day)|final (?:message|goodbye|session|post|note|decision)|it'?ll (?:all )?be over|it will (?:all )?be over|be gone|i'm ready|i am ready|ready to go|this is the end|end it|ending it|i'm done|i am done|see you on the other side|in another life|next life|take care of my|look after my|my (?:cat|dog|plants|things|stuff|belongings|passwords|accounts|savings|guitar|books|games)|gave away|giving away|given away|for everything you(?:'ve| have) done|goodbye (?:forever|everyone|world|for good)|will miss you all|wanted you to (?:know|hear it)|before i go|when i'm gone|after i'm gone|once i'm gone|leave this world|not be here|tonight|don't be sad|don't blame yourself|don't blame)\b", veto=r"\b(?:last day (?:at|on|is|of)|downsiz\w*|declutter\w*|moving house|move house|kids have left|charity shop|clear(?:ing)? out|the firm|new job|new role|offer|accepted|graduat\w*|moving to|relocat\w*|vacation|holiday|retir\w*|promotion|got the job|internship|leaving the company|last day at|my last day|notice period|two weeks|signing off|logging off|see you next|next week|next month|onboarding|farewell party|farewell lunch|goodbye party|farewell card|leaving party|career|offboarding|new company|new team|sabbatical|parental leave|maternity|paternity)\b"),
    Rule(
        _G,
        r"\b(?:giving|gave|give|given) (?:away )?(?:all |most )?(?:of )?(?:my|away my) (?:stuff|things|belongings|possessions|clothes|books|plants|games|cat|dog|pets?|guitar|savings|money|stuff away|things away|belongings away)\b(?: away)?",
        needs=r"\b(?:won't need|won't be needing|not going to need|don't need (?:them|it) anymore|no longer need|won't be (?:around|here)|where i'm going|after i'm gone|when i'm gone|be gone|goodbye|last|final|made (?:up )?my mind|at peace|ready|taken care of|before i go|tonight|soon|everything|all of my|all my)\b",
        veto=r"\b(?:moving|move|decluttering|declutter|minimalis\w*|upgrad\w*|new one|new apartment|relocat\w*|downsiz\w*|charity shop|donat\w+ (?:to|them)|spring cleaning|garage sale|yard sale|marie kondo|konmari)\b",
    ),
    Rule(
        _G,
        r"\b(?:before|once|after|when|by the time) i(?:'m| am)? (?:go|leave|disappear|am gone|'m gone|gone|go away) (?:for good|forever|permanently)\b|\b(?:after|when|once) i(?:'m| am) (?:gone|dead|not here|not around)\b",
        veto=r"\b(?:vacation|holiday|leave|trip|travel|abroad|exchange|sabbatical|move|moving|relocat\w*|new job|new role|notice|company|team|office|school|uni|college|internship|contract|handover|hand over|offboard\w*|onboard\w*|my replacement|successor|backfill)\b",
    ),
    Rule(
        _G,
        r"\b(?:wrote|written|writing|write|left|leaving|leave|finished|prepared|preparing)\b[^.!?\n]{0,20}\b(?:letters?|notes?|messages?|videos?|emails?)\b[^.!?\n]{0,40}\b(?:where (?:they|she|he|someone|you)(?:'ll| will) find|for (?:when|after) i'm gone|to be (?:found|read) (?:after|later)|for my (?:mum|mom|dad|parents|family|kids|wife|husband|partner|sister|brother) to (?:find|read))\b",
    ),
    Rule(
        _G,
        r"\b(?:gave|given|giving|rehomed|rehoming|found (?:a )?(?:new )?homes? for|left|leaving|arranged for)\b[^.!?\n]{0,12}\b(?:my |the |our )?(?:cat|cats|dog|dogs|pets?|plants|guitar|things|stuff|belongings|possessions|books|games|savings)\b[^.!?\n]{0,30}\b(?:to|with) (?:my |a )?(?:friend|sister|brother|mum|mom|dad|parents|neighbou?r|roommate|flatmate|cousin|family)\b",
        needs=r"\b(?:goodbye|for good|forever|last|final|thank you for|thanks for|not your fault|before i go|after i'm gone|when i'm gone|made my (?:mind|decision|peace)|cancelled|canceled|deleted|paid off|handover|logins|passwords|accounts|won't need|won't be|at peace|ready)\b",
        veto=r"\b(?:moving|move|decluttering|declutter|minimalis\w*|upgrad\w*|new one|new apartment|relocat\w*|downsiz\w*|charity shop|donat\w+|spring cleaning|garage sale|yard sale|travel|trip|vacation|holiday|abroad|allergic|allergy|landlord (?:said|says|won't)|no pets|deploy\w*|exchange|study abroad|internship)\b",
    ),
    Rule(
        _G,
        r"\b(?:cancell?ed|ended|gave up|given notice on) (?:my )?(?:lease|tenancy|subscriptions|phone contract)\b|\b(?:deleted|deactivated|closed|wiped) (?:all )?(?:of )?my (?:socials|social media|accounts|instagram|facebook|profiles)\b|\b(?:account )?(?:logins|passwords) (?:to|for|with) my (?:sister|brother|mum|mom|dad|parents|wife|husband|partner|friend)\b|\bscheduled (?:an|a|the) (?:email|message|post)s? (?:to|for) my\b",
        needs=r"\b(?:goodbye|for good|forever|last|final|thank you for|thanks for|not your fault|before i go|after i'm gone|when i'm gone|made my (?:mind|decision|peace)|end it|end my life|die|won't need|won't be (?:around|here)|at peace|the day i|picked|chosen|gave the|gave my|cat|dog)\b",
        veto=r"\b(?:moving|move|relocat\w*|new phone|new number|digital detox|detox|privacy|hacked|security|scam|new job|burnout break|social media break|break from social|taking a break)\b",
    ),
    Rule(
        _G,
        r"\b(?:won't|will not|not going to|i'm not going to) (?:make it|be there|be around|be here) (?:to|for) (?:anything|any of it|graduation|the final|my birthday|christmas|the wedding|next (?:week|month|year|semester))(?: (?:anymore|any more|after all))?\b",
        needs=r"\b(?:bye|goodbye|sorry|thanks|thank you|anything anymore|anything any more|won't make it to anything|tell (?:my|them|her|him|everyone)|not your fault|for good|forever|last|final|love you)\b",
        veto=r"\b(?:flight|flights|train|traffic|sick|flu|covid|visa|shift|double-booked|conflict|clash|exam|interview|vacation|holiday|travel|trip|conference|doctor|dentist|appointment|wedding on the same)\b",
    ),
    Rule(
        _G,
        r"\b(?:written|wrote|writing|write|left|leaving|finished)\b[^.!?\n]{0,12}\b(?:letters?|notes?|messages?|cards?) (?:to|for) (?:my |each of my )?(?:parents|family|mum|mom|dad|brother|sister|kids|children|wife|husband|partner|friends|best friend|everyone|loved ones)\b",
        needs=r"\b(?:before i go|thank you|thanks|goodbye|bye|sorry|fault|kind to me|nice to me|for good|forever|last|final|at peace|made my (?:mind|decision)|won't be|not be here|when i'm gone|after i'm gone|take care)\b",
        veto=r"\b(?:christmas|birthday|thank[- ]you cards?|wedding|graduation|holiday cards?|postcards?|from (?:camp|abroad|the trip)|while (?:i'm )?(?:abroad|away|travelling|traveling)|deploy\w*|moving|cover letters?|recommendation|reference)\b",
    ),
    Rule(_G, r"\bwon't (?:be )?(?:need|needing) (?:them|it|this|these|any of (?:it|them|this)|my sessions|sessions)\b[^.!?\n]{0,15}\b(?:after (?:tonight|today|this week|this weekend)|anymore|any more|where i'm going)\b|\bwon't have to (?:deal with|worry about|put up with|hear from) me (?:anymore|any more|again|after tonight)\b",
         veto=r"\b(?:new job|found a job|graduat\w*|moving|relocat\w*|vacation|holiday|switching|new mentor|another mentor|other program|finished the course|completed)\b"),
    Rule(_G, r"\b(?:or|and) ever again\b|\b(?:won't|will not) (?:write|be here|be back|be around) again\b",
         needs=r"\b(?:sorry|better this way|goodbye|bye|thank|won't be|not your fault|affairs|be with|finished here|take care)\b",
         veto=r"\b(?:job|company|quit|quitting|resign\w*|this app|this platform|the team|that team|the project)\b"),
    Rule(_G, r"\b(?:sent|gave|left|emailed|texted) (?:my \w+ )?(?:the |my )?(?:passwords?|logins?|pin|bank details|will)\b",
         needs=r"\b(?:goodbye|letter|last thing|thanks|thank you|sorry|for good|not your fault|take care)\b",
         veto=r"\b(?:vacation|holiday|travel|trip|in case i lose|new phone|backup|while i'm away|hospital stay|surgery)\b"),
    Rule(_G, r"\b(?:affairs in order|put my affairs|getting my affairs|sorted my affairs)\b",
         needs=r"\b(?:goodbye|thank|not write again|be with|won't write|last|final|going to be with|for good)\b"),
    Rule(_G, r"\b(?:writing|wrote|written|leave|leaving) (?:letters|a letter|notes|a note) (?:to|for) (?:my )?(?:kids|children|son|daughter|wife|husband|parents|mum|mom|dad|family)\b",
         needs=r"\b(?:tonight|finished here|done here|goodbye|one for each|before i go|last|forever|for good)\b",
         veto=r"\b(?:christmas|birthday|camp|while i'm away|deploy\w*|trip|travel|school|teacher|santa|graduation)\b"),
    # --- self_harm: self-injury --------------------------------------------------------------
    Rule(
        _SI,
        r"\b(?:cut|cutting|cuts|burn|burning|burned|burnt|hurt|hurting|harm|harming|hit|hitting|punch|punching|scratch|scratching|carve|carving|carved|bite|biting|bit|slice|slicing|sliced|starve|starving|bruise|bruising|pinch|pinching|punish|punishing|mutilat\w*)\s+(?:myself|my (?:own )?(?:arms?|wrists?|legs?|thighs?|skin|stomach|body|hips?|hands?|face|head))\b(?!\s+(?:a break|some slack|short|off|out|while|during|at the gym|at work|cooking|shaving|chopping|lifting|playing|running|skiing|climbing|by accident|accidentally|on accident))",
        veto=r"\b(?:accident\w*|by mistake|while cooking|in the kitchen|on the stove|on the oven|on the pan|with coffee|shaving|at the gym|playing|lifting|skiing|climbing|football|soccer|basketball|hike|hiking|running|workout|yoga|cut myself off|cut myself out|cut myself a|cut myself some|hurt myself (?:lifting|playing|running)|stop myself from|promised myself)\b|\b(?:don't|didn't|never|not|won't|wouldn't)\s+(?:\w+\s+){0,2}$",
    ),
    Rule(
        _SI,
        r"\bself[- ]?(?:harm\w*|injur\w*|mutilat\w*)\b|\bsh\b(?= (?:again|urges?|scars?|relapse|clean|free|habit|wounds?|cuts?))|\b(?:i|i've|i'm|been) (?:\w+ ){0,2}sh(?:'?ing|'?d)\b",
        topic=True,
        veto=r"\b(?:not|never|no longer|don't|didn't|haven't)\s+(?:\w+\s+){0,3}$",
    ),
    Rule(
        _SI,
        r"\b(?:relaps\w*|clean|urges?|urge|temptation|tempted|itching|craving|want|wanna|need)\s+(?:(?:to|from|for|of|again|into)\s+)?(?:start(?:ed)? )?(?:cutting|cut again|cut myself|self[- ]?harm\w*|burning myself|hurting myself|hurt myself|sh\b|bleed|see blood|feel the blade|feel pain)\b",
        veto=r"\b(?:cut (?:scope|costs?|corners|ties|the|a|it|back|down|loose|out|my losses))\b|^ (?:on purpose at the gym)",
    ),
    Rule(
        _SI,
        r"\b(?:fresh|new|my|the|old|hiding|hide|hid|cover|covering|covered) (?:\w+ )?(?:cuts|scars|wounds|burns|marks)\b[^.!?\n]{0,40}\b(?:arms?|wrists?|thighs?|legs?|long sleeves|sleeves|hoodie|bandages?)\b",
        veto=r"\b(?:surgery|surgical|accident|kitchen|cooking|cat|dog|kitten|fall|fell|bike|skateboard|acne|tattoo|hiking|climbing|c-section|operation)\b",
    ),
    Rule(
        _SI,
        r"\b(?:razor|blade|blades|box cutter|knife|lighter|compass|scissors)\b[^.!?\n]{0,40}\b(?:my (?:arms?|wrists?|thighs?|legs?|skin)|on myself|to myself|into myself)\b",
    ),
    Rule(
        _SI,
        r"\b(?:until|till|til) (?:i|it|they|the skin|my skin|my \w+) (?:bleed|bled|bleeds|bruise|bruised|feel something|hurts?|can't feel|draw blood|break the skin|broke the skin|are bleeding|is bleeding|start(?:s|ed)? bleeding)\b",
        veto=r"\b(?:workout|training|gym|run|ran|practice|lift|lifted|climb|studied|worked|typed|coded)\b",
    ),
    Rule(
        _SI,
        r"\b(?:bang(?:ed|ing)?|hit(?:ting)?|slam(?:med|ming)?|smash(?:ed|ing)?|punch(?:ed|ing)?) my (?:head|fists?|hands?) (?:against|into|on) (?:the |a )?(?:wall|desk|door|floor|mirror)\b(?=[^.!?\n]{0,60}\b(?:until|till|til|bleed|bled|bruise|blood|again|hard|to feel|punish|stop)\b)",
        veto=r"\b(?:metaphor|figuratively|proverbial|lol|haha)\b",
    ),
    Rule(
        _SI,
        r"\b(?:start(?:ed|ing)?|been|keep|kept|back to|went back to|gone back to|relaps\w*(?: into| to)?|stopped|stop|quit|quitting|urge to|urges to|want to|wanna|need to|thought about|thinking about)\s+(?:\w+\s+)?(?:cutting|burning myself|scratching myself|hitting myself|hurting myself)\b(?! (?:down|back|corners|costs?|scope|edge|board|ties|class|it close|the|my (?:hair|hours|losses)|out|in line|carbs|sugar|caffeine|meat|dairy|alcohol|screen time))",
        veto=r"\b(?:cutting (?:down|back|corners|costs?|scope|edge|ties|class|hair|carbs|sugar))\b|\b(?:hair|barber|salon|diet|budget|costs?|scope|expenses|spending|release|branch|carbs|sugar|caffeine|meat|dairy|alcohol|vegetables|onions|film|video|editing|editor|wood|fabric|paper)\b",
    ),
    Rule(
        _SI,
        r"\b(?:cutting|cut|burning|burned|burnt) again\b|\b(?:when|after|before|if|each time|every time|whenever) i (?:cut|burn)\b(?! (?:the|a|an|my (?:hair|nails|losses|hours)|onions|vegetables|code|corners|costs|scope|class|it|back|down|out|off|in|through|up|ties|a release|releases))|\bi (?:cut|burned|burnt) (?:again|last night|tonight|today|yesterday|this (?:morning|week)|three times|twice|deeper|too deep)\b",
        veto=r"\b(?:hair|barber|fringe|bangs|nails|release|releases|branch|tag|onions|vegetables|meat|wood|fabric|paper|film|video|clip|scene|budget|costs?|cd|dvd|disc|rom|toast|dinner|cake|cookies|pizza|cooking|kitchen|bake|baking)\b",
    ),
    Rule(
        _SI,
        r"\b(?:razor|razors|blade|blades|box cutter)\b[^.!?\n]{0,30}\b(?:came out|comes out|again|back out|relapse|relapsed|hidden|hide|hid|in my (?:drawer|pencil case|bag|room|wallet))\b",
        veto=r"\b(?:shav\w*|beard|legs? (?:smooth|hair)|blade server|blade runner|kubernetes|rollerblade|skate|inline|turbine|fan|lawn|mower|saw|ice skates)\b",
    ),
    Rule(
        _SI,
        r"(?:^|[.!?\n]\s*)sh(?:[.!?]|$)|\b(?:relapsed|relapse|did sh|sh'd|sh again)\b[^\n]{0,20}\bsh\b",
        needs=r"\b(?:relaps\w*|again|urges?|clean|scars?|cuts?|blade|arms?|wrists?|thighs?|i know)\b",
    ),
    Rule(
        _SI,
        r"\b(?:dig|digging|dug|claw|clawing|clawed|scratch|scratching|scratched|pick|picking|picked|bite|biting|bit|pinch|pinching|pinched) (?:my )?(?:nails|fingernails|teeth)? ?(?:into|at) (?:my )?(?:arms?|wrists?|skin|thighs?|legs?|hands?|face)\b(?=[^.!?\n]{0,60}\b(?:bleed|bled|blood|marks|scars|bruises?|raw|until|till|til|hurts|punish|stress|calm|again|every time|whenever)\b)",
        veto=r"\b(?:itch\w*|eczema|mosquito|bug bites?|rash|allerg\w*|sunburn|dry skin|hives)\b",
    ),
    Rule(
        _SI,
        r"\b(?:punch\w*|hit\w*|slam\w*|bang\w*|kick\w*) (?:the |a )?walls?\b[^.!?\n]{0,40}\b(?:till|until|on purpose|knuckles|bleed|bled|split|broke|bruised|again)\b",
        veto=r"\b(?:metaphor|figuratively|lol|haha|hit a wall|hitting a wall|hit the wall|hitting the wall|writer's block|progress)\b",
    ),
    Rule(_SI, r"\b(?:marks|cuts|scars|scratches|burns|bruises) on my (?:wrists?|arms?|thighs?|legs?|stomach|hips?)\b|\bhide (?:my |the )?(?:cuts|scars|marks|burns|wounds)\b",
         veto=r"^ (?:from|because of|after) (?:the|my|a) (?:cat|dog|kitten|surgery|fall|accident|bike|rash)\b|\b(?:tattoo|acne|eczema|rash|surgery)\b"),
    Rule(_SI, r"\b(?:the )?(?:cuts|marks|scars|burns|bruises) (?:are|were) from the (?:cat|dog|kitten)\b[^\n]{0,25}\b(?:they aren't|they're not|they weren't|it wasn't|it isn't|not really|they're mine)\b"),
    # --- harm_to_others ---------------------------------------------------------------------
    Rule(
        _IN,
        rf"\bi(?:'m| am|'ll| will|'ve| have|'d)?\b[^.!?\n]{{0,30}}?\b(?:want|wanting|wanted|wanna|going|gonna|plan(?:ning|ned)?|intend(?:ing)?|decided|ready|about|will|'ll|tempted|itching|dying|determined|swear i'll|swear i will|need|urge|urges)\s+(?:to\s+)?(?:\w+\s+)?(?:really\s+|seriously\s+|actually\s+|finally\s+|just\s+|fucking\s+)?{_HARM}\s+{_PERSON}\b",
        joke=True,
        veto=r"\b(?:feelings|feeling|chances|career|reputation|pride|ego|relationship|their code|his code|her code|the build|the process|the task|the job|the server|the pod|the bug|their argument|his argument|her argument|them with kindness|them with|in (?:chess|the game|fortnite|minecraft|the match|valorant|league|cod|halo|apex|overwatch)|at (?:chess|pool|poker|tennis|ping pong|mario kart|the game)|to the punch|around the bush|the deadline|the record|the estimate|the competition|our competitors|them to it|the market|the odds|the system)\b|\bhow (?:do|can|should) i (?:bring (?:it|this) up|talk to (?:him|her|them)|tell (?:him|her|them)|ask (?:him|her|them)|approach|confront|deal with (?:him|her|them|it)|handle (?:him|her|them|it|this))\b|\x02[^\x03]*?\b(?:don't|do not|never|wouldn't|would never|won't|not|didn't|no intention of|no plans? to)\b|^ (?:for (?:\w+ing|not|eating|taking|using|stealing|leaving|forgetting|breaking|touching|spoiling|telling|being|that|this|doing|making|changing|pushing|merging|scheduling|booking|asking|giving|sending|drinking|finishing|posting|ruining)|if (?:he|she|they) (?:\w+ ){0,3}(?:again|one more)|when (?:he|she|they) (?:get|gets|come|comes) (?:home|back))\b",
    ),
    Rule(
        _IN,
        r"\b(?:bring|bringing|brought|take|taking|took|carry|carrying|carried|pack|packing|packed|buy|buying|bought|get|getting|got|hide|hid|hiding|keep|keeping|have|has)\s+(?:a |my |the |his |her |dad's |some |an )?(?:gun|guns|knife|knives|weapon|weapons|firearm|rifle|pistol|handgun|shotgun|bat|baseball bat|hammer|machete|crowbar|axe|ax|taser)\s+(?:to|into|in|at)\s+(?:work|school|the office|class|campus|the meeting|the lab|his|her|their|my \w+'s|the party|the standup|the all-hands|church)\b",
        veto=r"\b(?:nerf|toy|prop|costume|cosplay|paintball|airsoft|laser tag|game|knife skills|cooking class|kitchen|bread knife|butter knife|chef)\b",
    ),
    Rule(
        _IN,
        r"\b(?:shoot|shooting|shot|blow|blowing|bomb|bombing|burn|burning) up (?:the|my|our|this|that) (?:office|school|place|class|campus|building|meeting|party|church|team)\b|\b(?:shoot up|burn down|blow up) (?:the|my|our|their|his|her) (?:office|school|class|campus|building|house|home|car|apartment)\b(?=[^.!?\n]{0,60}\b(?:want|going|gonna|plan|will|i'll|thinking|ready|tomorrow|tonight|monday)\b)",
        veto=r"\b(?:phone|notifications|inbox|slack|chat|group chat|twitter|timeline|comments|mentions|dm|dms|figuratively|lol|server|production|database|build|pipeline)\b",
    ),
    Rule(
        _IN,
        r"\b(?:make|made|making) (?:him|her|them|that \w+|my \w+|everyone|all of them|him and her) (?:pay|bleed|suffer|regret (?:it|being born))\b(?=[^.!?\n]{0,80}\b(?:hurt|kill|knife|gun|bat|blood|bleed|weapon|physically|with my hands|beat|break|stab)\b)|\bmake (?:him|her|them|\w+) bleed\b",
    ),
    Rule(
        _U,
        rf"\b(?:scared|afraid|worried|terrified|frightened|fear|fearing|panicking|panic|anxious|nervous|horrified|worry|scares me|terrifies me|frightens me)\s+(?:that\s+)?(?:i|i'm|i am|i'll|i will|i might|i could|i may|i would|i'd)\s+(?:\w+\s+){{0,3}}?(?:{_HARM}|do something to|lose it (?:on|with|and)|snap (?:on|at|and)|lose control (?:and|with|of myself)|go too far with)\s*(?:{_PERSON}|someone|my|her|him|them|the)?\b",
        veto=r"\b(?:feelings|career|reputation|chances|relationship|the build|production|the project|the team's morale|the release|my grades|my gpa|the schedule)\b|\b(?:hurt (?:their|his|her|my|your) (?:feelings|career|chances))\b",
    ),
    Rule(
        _U,
        rf"\b(?:intrusive (?:thoughts?|images?|urges?)|violent (?:thoughts?|urges?|fantasies|images?)|urges?|impulses?|images?|fantasies|fantasy|thoughts?) (?:\w+ ){{0,2}}(?:of|about|to) (?:\w+ ){{0,2}}(?:{_HARMING}|{_HARM}) (?:{_PERSON}|someone|my|her|him|them|the|people|a)\b",
        veto=r"\b(?:feelings|career|chances|reputation|pride|the build|the code|bugs?|the process|processes|the server|the task)\b|\b(?:a character|the character|in my novel|in the game|in my book|in the story|in the script)\b",
    ),
    Rule(
        _U,
        rf"\bi (?:keep|can't stop|cannot stop|couldn't stop|started|start|have been|been|am|'m|find myself|catch myself) (?:\w+ )?(?:imagining|picturing|thinking about|fantasi[sz]ing about|dreaming about|daydreaming about|planning)\s+(?:\w+\s+){{0,2}}?{_HARMING}\s+(?:{_PERSON}|my|her|him|them|people|someone)\b",
        veto=r"\b(?:feelings|career|chances|reputation|in the game|in chess|in a match|the competition|competitors)\b",
    ),
    Rule(
        _U,
        rf"\b(?:i|i'm|i am|i've been|i have been|i feel)\b[^.!?\n]{{0,25}}\b(?:close to|on the verge of|this close to|about to|going to|gonna|one step from|a step away from|dangerously close to)\s+(?:snapping and |losing it and |losing control and )?(?:{_HARMING}|{_HARM}|hitting|hit|shake|shaking|strangling|strangle)\s+(?:{_PERSON}|my|her|him|them|someone)\b",
        joke=True,
        veto=r"^\s*(?:back|knees?|neck|shoulders?|wrists?|ankles?|hands?|feet|foot|legs?|arms?|head|eyes|voice|hips?|elbows?|fingers?|toes?|stomach|brain|ears?|grades?|score|chances|budget|credit|wallet)\b|\b(?:feelings|career|chances|reputation|the record|the deadline|the wall|in the game|a wall|the gym|the books|the road|the sack|the hay|send|the keyboard)\b|\bhow (?:do|can|should) i (?:bring (?:it|this) up|talk to (?:him|her|them)|tell (?:him|her|them)|ask (?:him|her|them)|approach|confront|deal with (?:him|her|them|it)|handle (?:him|her|them|it|this))\b",
    ),
    Rule(
        _U,
        r"\b(?:lost|lose|losing) (?:my temper|control|it) and (?:\w+ ){0,2}(?:hit|hurt|shook|shove|shoved|pushed|grabbed|slapped|choked|threw|strangled|kicked|punched)\s+(?:my|him|her|them|the|a)\b",
    ),
    Rule(
        _U,
        r"\b(?:i|i'll|i might|i could|i would|i'd|i'm going to|i am going to|i'm gonna|myself|me)\b[^.!?\n]{0,30}\b(?:hurt|harm|kill|shake|smother|suffocate|drown|drop|throw|hit) (?:my|the|our) (?:baby|newborn|infant|toddler|kid|child|son|daughter|kids|children)\b",
        veto=r"\b(?:feelings|chances|career|(?:they|he|she|someone)(?:'ll| will| would|'d) )\b",
    ),
    Rule(
        _U,
        r"\b(?:want|wanna|wanted|urge|urges|itching|tempted|going|gonna|ready|close) (?:to )?(?:\w+ )?(?:really |seriously |physically )?(?:hurt|harm|beat|punch|strangle|choke|stab|kill|shoot|break) (?:somebody|someone|anyone|people|a person|another person|everyone)\b",
        joke=True,
        veto=r"\b(?:feelings|in the game|chess|csgo|cs|valorant|fortnite|minecraft|league|match|round|tournament|paintball|airsoft|pvp|for (?:a|some|that) \w+)\b|\b(?:don't|never|wouldn't|would never|not)\s+(?:\w+\s+){0,3}$",
    ),
    Rule(
        _IN,
        r"\b(?:make sure|making sure|see to it that) (?:he|she|they|him|her|them|that \w+|my \w+) (?:gets?|is|are|ends up|end up) (?:\w+ )?(?:hurt|killed|dead|beaten|in (?:the )?hospital|bleeding|crippled|maimed)\b|\bget (?:him|her|them) alone\b[^.!?\n]{0,40}\b(?:hurt|kill|beat|make|teach|stab|show)\b",
        veto=r"\b(?:doesn't|don't|does not|do not|never|isn't|aren't|won't)\b[^.!?\n]{0,10}$",
    ),
    Rule(
        _U,
        rf"\b(?:thinking|thought|think|fantasi[sz]\w*|dream\w*|imagin\w+|picturing|pictured|picture|planning|plan(?:ned)?|obsess\w*)\b[^.!?\n]{{0,60}}?\b(?:{_HARMING}|slamming|bashing|smashing|ramming|cracking|breaking)\s+(?:{_PERSON}|(?:his|her|their) (?:head|face|skull|neck|teeth|nose|legs?|arms?))\b",
        veto=r"\b(?:feelings|career|chances|reputation|pride|in the game|in chess|in a match|the competition|competitors|in my novel|in the story|in the script|a character|the villain|in the film|the build|the process|bugs?)\b",
    ),
    Rule(
        _U,
        rf"\b(?:almost|nearly|came close to|about to|was going to|so close to|this close to)\s+(?:hit|hitting|punch|punching|strangl\w*|chok\w*|hurt|hurting|slap|slapping|shove|shoving|kill|killing|stab|stabbing|shake|shaking|throw\w* \w+ at|push|pushing|kick|kicking)\s+(?:my|him|her|them|the|a|someone|somebody|{_PERSON})\b",
        veto=r"\b(?:send|the button|enter|reply all|the deadline|the target|the goal|the wall|a wall|the record|the gym|milestone|the books|the road|my limit|the limit|the car|a car|the ball|a deer|the curb|a pothole|my head|the brakes|the jackpot|it off|the mark|publish|merge|deploy)\b",
    ),
    Rule(
        _U,
        r"\b(?:don't|do not|can't|cannot|no longer) trust myself (?:around|with|near|alone with|not to (?:hurt|hit|harm|kill)) (?:him|her|them|my|the|people|kids|children|anyone|someone|myself around)\b",
    ),
    Rule(_U, r"\b(?:swerve|swerving|drive|driving|run|running|ram|ramming|plow|plough|steer|steering|mow|mowing)\s+(?:my car |the car |the truck |the bus |straight |right )?(?:into|over|at|through|down)\s+(?:the )?(?:cyclists|pedestrians|people|him|her|them|someone|a crowd|the crowd|kids|my \w+|the \w+ (?:in front|next to|ahead))\b(?=[^\n]{0,120}\b(?:on purpose|urge|pull|want|wanted|thought|thoughts|tempted|going to|gonna|plan|deliberately|intentionally|don't trust|scared|afraid|feel like)\b)|\b(?:run|running|ran) (?:him|her|them|my \w+|that \w+|the \w+) (?:over|down)\b", veto=r"\b(?:the numbers|the tests|the script|the code|the query|the migration|it by|them by|the idea|the plan|the schedule|the proposal|the slides|the deck)\b"),
    Rule(
        _U,
        r"\b(?:(?:think|afraid|scared|worried|terrified|feel like|point where|fear|swear) (?:that )?i (?:could|might|may|'d|would)|i (?:could|might|may|'d|would) (?:really|seriously|actually|genuinely|end up|snap and)) (?:\w+ )?(?:hurt|kill|harm|snap and hurt|seriously hurt|strangle|stab|hit|beat|break) (?:him|her|them|someone|somebody|my \w+|that \w+|one of them)\b",
        joke=True,
        veto=r"\b(?:feelings|career|chances|reputation)\b|^ (?:for (?:\w+ing|not|eating|taking|that|this))\b|\b(?:never|wouldn't|would never|don't|not)\s+(?:\w+\s+){0,2}$",
    ),
    Rule(
        _IN,
        r"\b(?:put|putting|slip|slipping|spike|spiking|add|adding|mix|mixing|lace|lacing)\s+(?:something|anything|poison|bleach|rat poison|antifreeze|laxatives?|drugs?|pills|it)\s+(?:in|into)\s+(?:his|her|their|my \w+'s|the \w+'s)\s+(?:coffee|tea|drink|food|lunch|water|meal|bottle)\b",
        veto=r"\b(?:sugar|milk|cream|syrup|sweetener|honey|lemon|ice|vanilla|cinnamon|a shot|extra shot)\b",
    ),
    Rule(
        _IN,
        r"\b(?:bought|got|getting|have|borrowed|took|grabbed|loaded|sharpened|hid|hidden|carry|carrying|keeping)\s+(?:a |my |his |dad's |the |our |a kitchen |a big )?(?:gun|rifle|pistol|handgun|shotgun|firearm|knife|knives|machete|bat|hammer|crowbar|axe|weapon)\b",
        needs=r"\b(?:find out what it feels like|what it feels like|will find out|was planned|it was planned|regret|pay for|make (?:him|her|them) pay|revenge|deserve[sd]?|what (?:he|she|they) did|teach (?:him|her|them)|get even|show (?:him|her|them)|going to (?:get|make|hurt|kill)|hurt (?:him|her|them)|kill (?:him|her|them)|waiting for (?:him|her|them)|when (?:he|she|they) (?:gets?|comes?) (?:home|back|out))\b",
        veto=r"\b(?:range|hunting|hunt|collection|license|licence|permit|training|course|game|nerf|airsoft|paintball|toy|prop|glue gun|nail gun|heat gun|water gun|kitchen knife set|cooking|chef|camping|fishing)\b",
    ),
    Rule(
        _IN,
        rf"\b(?:plan(?:ning|ned)?|going|gonna|want|wanna|will|'ll|intend|intending|decided|about)\s+to\b[^.!?\n]{{0,40}}?\band (?:then )?(?:\w+ )?(?:{_HARM})\s+(?:{_PERSON}|her|him|them)\b",
        joke=True,
        veto=r"\b(?:feelings|career|chances|reputation|in the game|in chess|the competition|competitors|the market)\b|\x02[^\x03]*?\b(?:don't|do not|never|wouldn't|won't|not)\b",
    ),
    Rule(
        _IN,
        r"\b(?:put|send|land|leave) (?:him|her|them|that \w+|my \w+|the \w+|his \w+|her \w+) (?:in|into|to) (?:the )?(?:hospital|ground|grave|icu|er|morgue|a wheelchair|intensive care)\b",
        veto=r"\b(?:he'd|she'd|they'd|he would|she would|they would|he will|she will|they will|threatened|threatens|said he|said she|told me he|told me she)\b[^.!?\n]{0,30}$|\b(?:ambulance|paramedic|doctor|nurse|surgery|stroke|heart attack|covid|flu|illness|sick|accident|fell|fall|crash)\b",
    ),
    Rule(
        _IN,
        rf"\bnever (?:wanted|needed|felt like) (?:to )?(?:\w+ )?{_HARM} (?:{_PERSON}|someone|somebody|anyone) (?:so|this|more) (?:badly|much)\b",
    ),
    Rule(
        _IN,
        r"\b(?:are|is|am|'re|'s) (?:going to|gonna|about to) (?:get|be) (?:hurt|what's coming|what they deserve|what (?:he|she) deserves)\b|\bi know (?:which cars? (?:is|are) (?:his|hers|theirs)|where (?:he|she|they) (?:lives?|parks?|works?|sleeps?)|when (?:he|she|they) (?:leaves?|gets? off|finish(?:es)?|goes? home))\b",
        needs=r"\b(?:hurt|pay|regret|revenge|deserve|coming|make (?:him|her|them)|get (?:him|her|them)|wait(?:ing)? for|knife|gun|bat|weapon|find (?:him|her|them|his|her|their))\b",
        veto=r"\b(?:surprise|gift|present|party|birthday|flowers|pick (?:him|her|them) up|carpool|deliver|delivery|ride)\b",
    ),
    Rule(
        _U,
        r"\bbut (?:i think |honestly |i'm scared |i'm afraid |i feel like |i worry |maybe )?i (?:might|will|could|'ll|am going to|'m going to|'m gonna)\b(?! not\b)",
        needs=r"\b(?:don't|do not) (?:want|wanna) to (?:hurt|hit|harm|kill|strangle|stab|shake) (?:her|him|them|my \w+|anyone|someone|somebody|the \w+)\b",
    ),
    Rule(
        _U,
        r"\b(?:do something|do something i can't take back|do something i'll regret|do something stupid to (?:him|her|them)|snap and do something)\b",
        needs=r"\b(?:hurt|kill|knife|gun|bat|hammer|anger|rage|furious|my ex|him|her|them|outside (?:the|his|her)|in my car|can't take back|to (?:him|her|them))\b",
        veto=r"\b(?:my career|my code|the repo|production|prod|the database|quit|quitting|resign|email|tweet|post|reply-all|reply all|message|say something)\b",
    ),
    Rule(
        _U,
        r"\b(?:threw|throw|throwing|smashed|smash|punched|punch|kicked) (?:a |the |my )?(?:chair|bottle|glass|plate|phone|mug|lamp|laptop|table|cup|remote)\b[^.!?\n]{0,30}\b(?:at|near|next to|right next to|past|towards) (?:my|her|him|them|the kids|the baby)\b",
        veto=r"\b(?:dog|cat|ball|frisbee|game|party)\b",
    ),
    Rule(_IN, r"\b(?:pay|suffer) (?:for (?:it|this|that) )?physically\b|\bmake (?:him|her|them|my \w+|that \w+) suffer\b(?=[^\n]{0,100}\b(?:watching|know where|waiting|weapon|physically|hurt|house|car|follow)\b)", veto=r"\b(?:legally|in court|financially|lawsuit|sue)\b[^.!?]{0,10}$"),
    Rule(_IN, r"\bmake sure (?:he|she|they|him|her|them) (?:doesn't|does not|won't|never|can't) (?:walk|get up|walk away|walk straight|walk again)\b|\b(?:he|she|they) won't walk away from (?:it|this|that)\b|\b(?:he|she|they) won't be (?:walking|standing|talking) (?:straight|again|properly|afterwards)\b"),
    Rule(_IN, r"\bbring(?:ing)? (?:something|a little something|a surprise) (?:(?:to|into) (?:work|school|the office|class|the meeting|practice)|with me (?:tomorrow|tonight|on monday|on friday))\b", needs=r"\b(?:regret|pay|serious|sorry|he'll|she'll|they'll|teach|show (?:him|her|them)|last time)\b", veto=r"\b(?:cake|cookies|snacks|treats|gift|present|birthday|potluck|lunch|coffee|donuts|food)\b"),
    Rule(
        _U,
        r"\burge to (?:grab|get|pick up|take|reach for) (?:a |the |my )?(?:knife|knives|gun|hammer|bat|weapon)\b",
    ),
    Rule(_IN, rf"\b(?:plan(?:ning|ned)?|going|gonna|want|wanting|wanted|wanna|will|'ll|intend|intending|decided)\s+to\b[^.!?\n]{{0,40}}?\band (?:then )?(?:\w+ )?(?:{_HARM})\s+(?:{_PERSON}|her|him|them)\b",
         joke=True,
         veto=r"\b(?:feelings|career|chances|reputation|in the game|in chess|the competition|competitors|the market)\b|\x02[^\x03]*?\b(?:don't|do not|never|wouldn't|won't|not)\b"),
    Rule(_IN, r"\b(?:going|gonna|want|wanna|plan\w*|heading|driving)\b[^.!?\n]{0,40}\bto (?:fuck|mess|beat|rough) (?:him|her|them|\w+) up\b|\b(?:going|gonna|heading|driving) (?:over |round |back )?(?:there|to (?:his|her|their) (?:place|house|work|flat))\b[^.!?\n]{0,20}\bto (?:hurt|kill|beat|stab|shoot) (?:him|her|them)\b|\brun (?:him|her|them|that \w+|the \w+) off the road\b"),
    Rule(_U, r"\b(?:stood|standing|waited|waiting|sat|sitting) (?:outside|by|at|in) (?:his|her|their|my \w+'s) (?:door|room|house|car)\b[^.!?\n]{0,40}\b(?:knife|gun|hammer|bat|weapon)\b|\b(?:could|might|want to|urge to|feel like i could|afraid i'll|scared i'll) (?:\w+ )?shake (?:her|him|them|the baby|my baby)\b",
         needs=r"\b(?:knife|gun|hammer|bat|weapon|baby|newborn|infant|toddler|crying)\b"),
    Rule(_IN, r"\b(?:i'm|i am|i'll|i will|gonna|going to)\s+(?:\w+ )?(?:break|breaking|smash|smashing|bust|busting)\s+(?:his|her|their|\w+'s) (?:nose|jaw|legs?|arms?|neck|face|teeth|kneecaps?|skull)\b",
         veto=r"\b(?:in the game|in a game|lol|haha)\b"),
    Rule(_IN, rf"(?:^|[.!?\n]\s*)(?:gonna|going to|about to|ready to|finna|tryna|gotta)\s+(?:\w+\s+)?(?:{_HARM})\s+{_PERSON}\b",
         joke=True,
         veto=r"\b(?:feelings|career|chances|reputation|in the game|in chess|the competition|competitors|the market|the deadline|the record)\b|^ (?:for (?:\w+ing|eating|taking|using|stealing|leaving|forgetting|breaking|touching))\b"),
    Rule(_IN, r"\b(?:shove|push|throw|kick)(?:ing|ed)? (?:him|her|them|my \w+) down the stairs\b|\bbeat (?:him|her|them) (?:till|until) (?:he|she|they) (?:stops?|stopped) (?:moving|breathing)\b|\bafraid of what i(?:'ll| will| might) do to (?:him|her|them|my \w+)\b"),
    Rule(_IN, r"\bmake sure (?:he|she|they) never (?:\w+ ){0,3}(?:again|anymore)\b",
         needs=r"\b(?:permanently|for good|wait outside|waiting outside|plan|gun|knife|hurt|kill|dead)\b"),
    Rule(_IN, r"\b(?:set fire to|burn down|burn|torch) (?:his|her|their|the) (?:\w+ )?(?:car|house|flat|home|place|shop) (?:down )?with (?:him|her|them) (?:in|inside)\b|\b(?:he|she|they)(?:'ll| will) be (?:bleeding|in hospital|in the hospital|in a wheelchair)\b|\bwant (?:him|her|them|the (?:guy|man|woman) who \w+ \w+ \w+) dead\b[^.!?\n]{0,40}\b(?:myself|i'll|i'm going to|do it)\b|\bsharpen(?:ed|ing)? (?:my|a|the) knife\b[^.!?\n]{0,40}\b(?:thinking about|for|he'll|she'll|they'll)\b"),
    Rule(_IN, r"\bbring(?:ing)? (?:my dad's|my father's|my mom's|my brother's|my uncle's|a|the) (?:gun|rifle|pistol|knife|weapon) (?:to|into) (?:school|work|class|the office)\b"),
    Rule(_U, r"\b(?:nearly|almost) (?:put|wrapped|got) my hands (?:on|around) (?:his|her|their|my \w+'s) (?:throat|neck)\b"),
    # --- abuse: being hurt, threatened, stalked or in danger --------------------------------
    Rule(
        _A,
        rf"\b{_ABUSER}\b[^.!?\n]{{0,50}}?\b(?:hits|hit|hitting|beats|beat|beating|punch(?:es|ed|ing)?|slap(?:s|ped|ping)?|kick(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|shov(?:es|ed|ing)|push(?:es|ed|ing)|grab(?:s|bed|bing)|throw(?:s|ing)? (?:things|stuff|\w+) at|threw [^.!?\n]{{1,30}} at|spit (?:on|at)|spat (?:on|at)|bit|bites|drag(?:s|ged)|pinn(?:ed|ing)|pinned|pins|cornered|corner(?:s|ing)|rap(?:es|ed|ing)|assault(?:s|ed|ing)|molest(?:s|ed|ing)|grop(?:es|ed|ing)|touch(?:es|ed|ing)|lock(?:s|ed|ing)|tied|ties|burn(?:s|ed|t)|cut|cuts|hurts|hurt|twist(?:s|ed)|touching|pulled (?:a |his |her )?(?:gun|knife) on|fondl(?:es|ed|ing)|feeling up|shoved|slammed|kicked|headbutted|sexually assaulted|sexually harassed|harass(?:es|ed|ing)|slut-shamed)\s+me\b",
        veto=r"^ (?:up|with (?:a|the|another|more|extra|some|an|that|this) (?:pip|task|ticket|deadline|question|email|bug|request|feature|comment|review|change|meeting|invite|project|workload|list|spreadsheet|report|story|estimate|performance|lawsuit)|hard|like a ton|like a truck|to the punch|up on|off|on (?:the )?(?:pr|slack|teams|linkedin|email|zoom|a call)|in (?:the )?(?:feelings|standup|retro|meeting|review|thread|slack|chat)|at the (?:bar|gym))\b|\b(?:the news|reality|it|that|this|the realization|the idea|nostalgia|the feeling|the bug|the error|the deadline|the market|the recession|the layoff|the layoffs|covid|the flu|the virus|traffic|the wave|the heat|the cold|karma|the ball|the car|the truck|the bus|the question|the change|the weather|the song|the joke|the meme|the code|the test|the exam|the news)(?:\s+\w+){0,2}\s+\w+\s+me\x03|\b(?:in (?:the )?(?:game|match|fortnite|minecraft|chess|pvp|dodgeball|paintball|practice|training|sparring|boxing|karate|judo|mma|bjj|class|rehearsal)|sparring|tagged|tag)\b",
    ),
    Rule(_A, r"\bthreaten(?:s|ed|ing)?\s+(?:to\s+)?(?:[\w']+\s+){0,4}?(?:me|my|us|our)\b|\bthreat(?:s)? (?:to|against) (?:me|my|us)\b|\bthreatening (?:me|messages|texts|calls|emails|letters|notes|voicemails|dms)\b", veto=r"\b(?:nobody|no one|nobody's|no one's|not|isn't|aren't|never|wasn't)\W+(?:\w+\W+){0,2}$|\b(?:fire|firing|sue|suing|report|reporting|write me up|pip|demote|cancel|quit|leave|resign|take (?:the|his|her) (?:case|business|project)|escalate|escalating|a bad review|bad reviews?|terminate|terminating|cut my hours|dock my pay|withhold|the deadline|the project|the release|churn|unsubscribe|leave the platform|legal action|lawsuit|lawyer|hr|disciplinary|complain|complaint|tell (?:my|our) (?:boss|manager)|stop paying|take (?:their|his|her) business|not renew|delist|ban me from|block me|kick me off|remove me from (?:the|a) (?:project|team|channel))\b|\b(?:duolingo|owl|streak|app|notifications?|my cat|the cat|the dog|boss fight|the game)\b"),
    Rule(
        _A,
        r"\b(?:death threats?|threats? (?:to|against) my (?:life|safety|family)|threatening (?:messages|texts|calls|emails|letters|notes|voicemails))\b",
        veto=r"\b(?:research|study|paper|policy|moderat\w*|training|course|about|classifier|dataset|report on|article)\b",
    ),
    Rule(
        _A,
        r"\b(?:i'm|i am|i was|i've been|i have been|been|being|get|getting|got|keep getting|am)\s+(?:\w+\s+)?(?:stalked|followed(?! (?:on|by \d|back|up))|abused|assaulted|sexually assaulted|raped|molested|groped|sexually harassed|beaten|beaten up|threatened|attacked|blackmailed|trafficked|strangled|choked|drugged|spiked|locked in|held down|pinned down|hit by (?:my|him|her|them|a man|a guy|someone)|hurt by (?:my|him|her|them))\b",
        veto=r"\b(?:in (?:the )?(?:game|match|fortnite|minecraft|chess|pvp|round)|by (?:a |the )?(?:car|bus|truck|ball|bike|bug|dog|bees|mosquitoes|wasp|emails|notifications|spam|bots|recruiters|requests|the flu|covid|anxiety|doubt|imposter|questions|work|deadlines|tickets)|ddos|dos attack|cyber ?attack|phishing|bots?|spam)\b|\b(?:not|never|haven't|wasn't)\s+(?:\w+\s+){0,2}$",
    ),
    Rule(
        _A,
        r"\b(?:stalk(?:s|ed|ing|er|ers)?)\b",
        veto=r"\b(?:stalk(?:ing|ed)?|stalks) (?:(?:his|her|their|your|my|the|a|an|company|team|its|someone's|people's|linkedin|recruiters?|competitors?)\s+(?:\w+\s+)?(?:linkedin|instagram|insta|profile|profiles|github|twitter|x|page|pages|repos?|socials|social media|feed|posts|tiktok|website|site|careers page|glassdoor|portfolio|commits|blog|reviews|stock|price|competitors?)|linkedin|glassdoor|the job board|job boards)\b|\b(?:celery|stalk of|stalks of|beanstalk|broccoli|corn stalk|corn stalks|plant|plants)\b|\bi (?:\w+ ){0,2}stalk|\bstalking (?:them|him|her|people|the)\b(?! [^.!?\n]{0,20}\b(?:me|my)\b)",
        topic=True,
    ),
    Rule(_A, r"\b(?:follow(?:s|ed|ing)?|tail(?:s|ed|ing)?|track(?:s|ed|ing)?|watch(?:es|ed|ing)?|wait(?:s|ed|ing)? for|show(?:s|ed|ing)? up (?:at|outside|near)|turn(?:s|ed|ing)? up (?:at|outside)|waiting outside)\s+(?:me|my (?:house|apartment|home|place|building|door|car|office|work|flat))\b(?=[^.!?\n]{0,80}\b(?:home|everywhere|to my|to work|from work|at night|every day|again|scared|afraid|won't stop|keeps|kept|car|outside|parking|window|door|building|apartment|house|location|phone|gps|app|airtag|tracker)\b)", veto=r"\b(?:on (?:github|twitter|linkedin|insta|instagram|tiktok|x|social|medium|substack|youtube)|followers|follow-up|follow up|followed up|followed my advice|followed me on|track (?:my|our) (?:progress|time|hours|tasks|metrics|work|habits|goals|expenses|spending|issues|bugs)|tracking (?:my|our) (?:progress|time|hours|tasks|metrics|work|habits|goals)|watch(?:es|ed|ing)? me (?:code|work|present|debug|type|pair|demo)|standup|jira|pr|pull request|the dog|the cat|my cat|my dog|the puppy|the kitten|duckling|kid brother|toddler|my manager watches)\b|\b(?:it|this|that|work|the job|the case|thoughts?|memories|feelings?|the smell|the stress)\s+(?:from\s+)?$"),
    Rule(
        _A,
        r"\b(?:keeps?|kept|keep on|has been|have been|started|start|constantly|always)\s+(?:\w+\s+)?(?:showing up|turning up|appearing|waiting|parking|standing|lurking|hanging around|calling|texting|messaging|emailing)\s+(?:at|outside|near|by|in front of|me|my)\b[^.!?\n]{0,40}\b(?:house|apartment|home|place|building|door|window|work|office|car|parking|gym|school|campus|after i (?:blocked|told|asked)|even after|although i|though i|blocked|restraining|scared|afraid|won't stop|hundreds|100|50|dozens|at night|at 3am|middle of the night)\b",
        needs=r"\b(?:ex|he|she|they|him|her|them|guy|man|woman|someone|somebody|stranger|person|customer|client|coworker|colleague|boss|neighbou?r)\b",
        veto=r"\b(?:recruiter|recruiters|sales|spam|telemarket\w*|the bank|delivery|courier|the pm|product manager|my manager (?:keeps|kept) (?:calling|texting|messaging|emailing) me (?:about|for|with))\b",
    ),
    Rule(
        _A,
        r"\b(?:afraid|scared|terrified|frightened|fear|fearing|fearful)\s+(?:\w+\s+)?(?:to go home|of going home|to be home|to be alone with (?:him|her|them)|of (?:my|our) (?:\w+ )?(?:husband|wife|boyfriend|girlfriend|partner|dad|father|stepdad|mom|mother|stepmom|brother|ex|roommate|boss|landlord|uncle|family)|of what (?:he|she|they)(?:'ll| will| might| would| could) do|for my (?:life|safety|physical safety)|(?:he|she|they)(?:'ll| will| might| is going to| are going to| 's going to) (?:\w+ )?(?:hurt|kill|hit|find|beat|come)|to leave (?:him|her|them|the house)|(?:he|she|they) (?:will|might|would|could) (?:\w+ )?(?:hurt|kill|hit|find|beat))\b",
        veto=r"\b(?:feelings|code review|review|the interview|the meeting|performance|feedback|disappoint\w*|reaction|judg\w*|yell at me about|the deadline|the code|my pr|pull request)\b",
    ),
    Rule(
        _A,
        r"\b(?:i'm|i am|i don't feel|i do not feel|i never feel|don't feel|i no longer feel|not) (?:\w+ )?safe (?:at home|in my (?:own )?(?:home|house|apartment|room)|with (?:him|her|them|my \w+)|around (?:him|her|them|my \w+)|going home|there|anymore at home)\b",
        veto=r"\b(?:psychologically safe|psychological safety|safe to speak|safe to share|safe in meetings|safe space|safe to ask|safe to push|safe to deploy|safe to merge|code|prod|production)\b",
    ),
    Rule(
        _A,
        rf"\b(?:{_ABUSER}|my \w+) (?:said|says|told me|tells me|texted|swore|warned|screamed|yelled)\b[^.!?\n]{{0,20}}\b(?:he'd|she'd|they'd|he would|she would|they would|he will|she will|they will|he'll|she'll|they'll|he is going to|she is going to|he's going to|she's going to|they're going to|'d)\s+(?:\w+\s+)?(?:kill|hurt|beat|find|hit|end|ruin|burn|stab|shoot|come for|come after|make me pay|rape|break|put|get|teach|finish|destroy|bury|cut|smash)\s+(?:me|my|us)\b(?! (?:up|off|in (?:charge|touch|the loop|contact))\b)",
        veto=r"\b(?:fire|sue|report)\b|^ (?:on (?:the|a) (?:project|team|call|list|pip)|in (?:charge|touch|the loop|contact|his (?:team|group))|through)",
    ),
    Rule(
        _A,
        r"\b(?:in an |my |an |the |this )?(?:abusive|violent|controlling and (?:abusive|violent)) (?:husband|wife|boyfriend|girlfriend|bf|gf|partner|relationship|marriage|home|household|dad|father|mom|mother|stepdad|stepfather|stepmother|parents?|family|ex|brother|uncle|boss|manager)\b",
        topic=True,
        veto=r"\b(?:years ago|used to|escaped|left (?:him|her|them|my)|survivor|healed|recovered|in the past|as a kid|as a child|childhood|grew up)\b",
    ),
    Rule(
        _A,
        r"\b(?:domestic (?:violence|abuse)|intimate partner violence|dating violence|sexual (?:assault|abuse)|child abuse|physical abuse|elder abuse)\b",
        topic=True,
    ),
    Rule(
        _A,
        r"\b(?:he|she|they|my \w+) (?:\w+ ){0,2}(?:won't|doesn't|does not|will not|wouldn't|didn't) let me (?:leave|go out|go outside|out of the house|see my (?:friends|family|parents)|have (?:my )?(?:phone|money|passport|keys|car keys|own money)|talk to (?:anyone|my friends|my family)|sleep|eat|call)\b",
        veto=r"\b(?:leave early|leave the meeting|leave the call|go home early|work from home|take pto|take leave|take vacation|leave the team|leave the project)\b",
    ),
    Rule(
        _A,
        r"\b(?:took|takes|take|taking|taken|controls|control|controlling|confiscated|confiscates|hid|hides|hidden|keeps|kept|locked up|destroyed|smashed|broke) (?:away )?(?:all )?(?:of )?my (?:passport|documents|papers|id|id card|visa|bank ?card|cards|money|paycheck|pay|salary|wages|savings|earnings|phone and|phone,|car keys and|keys and)\b",
        needs=r"\b(?:husband|wife|boyfriend|girlfriend|bf|gf|partner|dad|father|stepdad|mom|mum|mother|family|he|she|they|ex|parents|uncle|aunt|brother|in-laws?|employer|boss|agency|landlord)\b",
        veto=r"\b(?:for safekeeping|to the bank|at the airport|airport security|customs|border control|hotel|reception|hr needs|visa application|renewal|for my own good so i)\b",
    ),
    Rule(
        _A,
        r"\b(?:bruises?|black eye|split lip|broken (?:rib|nose|wrist|arm))\b[^.!?\n]{0,60}\b(?:he|she|they|him|her|them|my (?:husband|wife|boyfriend|girlfriend|bf|gf|partner|dad|father|stepdad|mom|mother|brother|ex|boss|coach))\b|\b(?:he|she|they|my (?:husband|wife|boyfriend|girlfriend|bf|gf|partner|dad|father|stepdad|mom|mother|brother|ex|boss|coach)) (?:\w+ ){0,3}(?:left|gave me|leaves|give me) (?:\w+ )?(?:bruises?|a black eye|marks|a split lip)\b",
        veto=r"\b(?:bike|fell|fall|accident|football|soccer|rugby|game|practice|match|training|sparring|climbing|surgery)\b",
    ),
    Rule(
        _A,
        r"\b(?:hiding|hid|hide|locked myself|lock myself|barricaded)\s+(?:\w+\s+)?(?:in|from)\s+(?:the |my |a )?(?:bathroom|bedroom|closet|car|room|him|her|them|my \w+)\b(?=[^.!?\n]{0,80}\b(?:he|she|they|him|her|them|scared|afraid|drunk|angry|yelling|screaming|banging|outside|door|can't|help|police)\b)",
        veto=r"\b(?:meeting|meetings|standup|manager asking|hide and seek|hide-and-seek|game|party|small talk|from my (?:inbox|email|slack|responsibilities|problems|work|tasks))\b",
    ),
    Rule(
        _A,
        r"\b(?:spiked|drugged) my (?:drink|coffee|food|water)\b|\b(?:forced|forces|pressured|pressures|made) me (?:to )?(?:have sex|sleep with|do sexual|into sex|perform|undress|send (?:nudes|photos|pictures))\b|\b(?:touched|touches|touching|groped|gropes|grabbed|grabs) (?:me |my )(?:inappropriately|without (?:my )?consent|breasts?|butt|ass|chest|thighs?|crotch|body|private)\b|\b(?:sextort\w*|revenge porn|leak(?:ed|ing)? my (?:nudes|photos|pictures|videos|intimate))\b|\b(?:rape|raped|raping|molest\w*|sexual(?:ly)? assault\w*|sexual(?:ly)? harass\w*)\b",
        topic=True,
        veto=r"\b(?:not|never)\s+(?:\w+\s+){0,2}$|\b(?:git|server|repo|branch|commit|database|codebase|the api|rate limit|rape scene|in the (?:book|novel|film|movie|show|series|game))\b",
    ),
    Rule(
        _A,
        r"\b(?:tracking|tracks|tracked|monitors|monitoring|reads|reading|checks|checking|went through|goes through|hacked|hacks|installed (?:a |an )?(?:app|tracker|spyware|stalkerware) on) my (?:phone|location|messages|texts|emails|car|gps|laptop)\b(?=[^.!?\n]{0,80}\b(?:scared|afraid|won't let|every|always|without|threat|ex|husband|wife|boyfriend|girlfriend|partner|he|she|they|him|her)\b)",
        veto=r"\b(?:mdm|it department|company laptop|work laptop|work phone|corporate|find my|family sharing|app i built|bug|feature|analytics|gps app|strava|fitness|tracking my (?:progress|time|hours|expenses|habits|goals))\b",
    ),
    Rule(
        _A,
        r"\b(?:help me|please help|someone help)\b[^.!?\n]{0,40}\b(?:he's|she's|they're|he is|she is|they are|he|she|they)\s+(?:\w+\s+)?(?:hitting|hurting|beating|coming|outside|banging|breaking|trying to (?:get in|hurt|kill|break))\b",
    ),
    Rule(
        _A,
        r"\b(?:someone|somebody|a (?:guy|man|woman|stranger|car|person|van)|some (?:guy|man|person|creep)|this (?:guy|man|creep)|the same (?:guy|man|car|person|van))\s+(?:\w+\s+){0,3}?(?:is |was |has been |keeps |kept |been )?(?:following|followed|stalking|stalked|watching|waiting for|outside|parked outside)\s+(?:me|my (?:house|apartment|home|place|building|door|window|car|office))\b",
        veto=r"\b(?:on (?:github|twitter|linkedin|instagram|insta|tiktok|x|medium|substack|youtube|social)|followers|my blog|my posts|my work|my repo|my stream|my advice)\b",
    ),
    Rule(
        _A,
        r"\b(?:coming for me|come for me|coming after me|come after me|(?:i|we) know where you live|knows? where i live|found out where i live|know where i work|knows where i work|find me|hunt me down|watch your back|you can't hide|can't hide from (?:me|him|her|them|us)|you'?re dead|you will pay|you'll pay|you'll regret|next time (?:will be|it'll be|it will be|you won't) (?:worse|be so lucky|walk away)|(?:he|she|they) won't miss|watch (?:yourself|your back|myself|my back) (?:on the way|when|at night|going)|finish (?:this|you|the job)|make you disappear|end you|i'll find you|we'll find you|you're next|see you soon|soon)\b",
        needs=r"\b(?:said|says|told me|texted|messaged|sent|wrote|posted|dm|dms|message|messages|text|texts|note|letter|card|calls?|threat\w*|note|letter|voicemail|warned|yelled|screamed|whispered|saying)\b",
        veto=r"\b(?:deadline|deadlines|bugs?|tickets|taxes|recruiters|the heat death|the end of the quarter|winter|the exam|exams|karma|my manager is coming for me about|the auditors|audit|review season|performance review|the ai|ai is coming|robots|layoffs?|interview|soon i'll|see you soon at|soon!|coming soon|launch|release)\b",
    ),
    Rule(
        _A,
        r"\b(?:sending|sends|sent|send) me (?:photos?|pictures?|pics|videos?) of my (?:house|home|car|door|window|street|building|flat|apartment|kids|children|family)\b|\b(?:photos?|pictures?|pics|videos?|footage)\s+of me\b[^.!?\n]{0,60}\b(?:walking|at (?:home|work|the gym|night)|outside|leaving|going|in my|through my window|sleeping|without my|without knowing|getting (?:in|out)|every day|from (?:behind|across))\b|\b(?:anonymous|unknown|fake|new|burner|random|creepy)\s+(?:texts?|messages?|accounts?|numbers?|letters?|notes?|calls?|dms?|emails?)\b[^.!?\n]{0,80}\b(?:photos? of me|pictures? of me|where i|know where|my address|my kids|my family|soon|watching|following|threat\w*|hurt|kill|coming|find me|outside my)\b",
        veto=r"\b(?:headshots?|photographer|photo ?shoot|linkedin|portfolio|conference|team photo|recruiter|recruiters|spam|phishing|marketing|promo)\b",
    ),
    Rule(_A, r"\b(?:found|posted|posting|leaked|leaking|shared|sharing|published|publishing|doxx?ed|doxx?ing|figured out|got|has|have|knows?)\s+(?:out\s+)?my\s+(?:home\s+|real\s+|new\s+|exact\s+|house\s+)?(?:address|location)\b", needs=r"\b(?:coming to|visit|i'm 1[0-7]|i am 1[0-7]|discord|threat\w*|coming for me|come for me|find me|scared|afraid|terrified|hurt|kill|stalk\w*|followed|following|showed up|turned up|outside|messages saying|posted it|doxx\w*|forum|online|strangers?|someone|anonymous|ex)\b", veto=r"\b(?:delivery|courier|amazon|hr|payroll|the bank|shipping|billing|uber|lyft|doordash|recruiter|my manager has|the company has|form|api|geocod\w*|ip address|email address|mac address|memory address|address space|endpoint|localhost)\b"),
    Rule(_A, r"\b(?:(?:lets?|letting) (?:himself|herself|themselves)|broke|breaks|break|came|comes|walked|walks|barged|keeps coming|kept coming|has been coming|been coming|snuck|sneaks) in(?:to)? (?:my|our|the) (?:flat|apartment|room|house|home|bedroom|bathroom|place|tent|dorm)\b(?=[^.!?\n]{0,80}\b(?:at night|without|while i|uninvited|twice|again|key|asleep|sleeping|shower|touch\w*|nice to (?:him|her)|scared|afraid|won't stop|locked|lock|i'm \d+|i am \d+)\b)", veto=r"\b(?:cat|dog|kids? (?:barge|burst)|my kid|toddler|for (?:coffee|dinner|lunch|breakfast)|with (?:coffee|groceries|pizza|dinner))\b"),
    Rule(
        _A,
        r"\b(?:they'll|they will|he'll|he will|she'll|she will|they'd|he'd|she'd|they would|he would|she would|going to|gonna|threaten\w*(?: to)?|promised to|swore to)\s+(?:\w+\s+)?(?:hurt|kill|harm|take|find|come for|come after|go after|get)\s+my\s+(?:kids|children|son|daughter|family|baby|mom|mum|dad|mother|father|wife|husband|partner|dog|cat|sister|brother|girlfriend|boyfriend)\b",
        veto=r"\b(?:i'll|i will|i'd|i would|i'm going to|i'm gonna)\s+(?:\w+\s+)?$",
    ),
    Rule(
        _A,
        r"\b(?:put|placed|hid|hidden|installed|found|stuck|attached)\s+(?:a |an |some )?(?:tracker|tracking device|airtag|air tag|gps|gps tracker|tile tracker|spyware|stalkerware|hidden camera|camera)\b[^.!?\n]{0,25}\b(?:on|in|under|inside) my\b",
        veto=r"\b(?:luggage|keys|lost|for my (?:kid|dog|cat|bike)|dog's collar|my bike so|security camera for my|nest|ring doorbell|baby monitor)\b",
    ),
    Rule(
        _A,
        r"\b(?:restraining order|protection order|protective order|no[- ]contact order|emergency shelter|women's shelter|dv shelter|safe house|refuge for)\b",
        topic=True,
    ),
    Rule(
        _A,
        r"\b(?:(?:wishes|wished|says|said|tells me|told me|screams|screamed|yells|yelled) (?:i was|i were|i'd|i had|that i was|that i were) (?:never born|dead|gone)|(?:calls|called) me (?:worthless|useless|a mistake|garbage|trash|a waste|stupid|ugly|fat|a whore|a slut|retarded)\b[^.!?\n]{0,40}\b(?:every day|all the time|daily|constantly|since i was|in front of|at home|locks|hits|won't feed|doesn't feed))\b",
        needs=r"\b(?:mum|mom|mother|dad|father|stepdad|stepmom|parents?|husband|wife|boyfriend|girlfriend|partner|brother|sister|uncle|aunt|grandma|grandpa|family|he|she|they)\b",
    ),
    Rule(
        _A,
        r"\b(?:pulled|pointed|drew|held|aimed|waved|brandished|flashed) (?:a |his |her |their )?(?:gun|knife|weapon|blade|pistol|machete|bat) (?:on|at) me\b|\b(?:banging|pounding|kicking) (?:on|at) (?:my |the )?(?:door|window)s?\b(?=[^.!?\n]{0,60}\b(?:at night|every night|scared|afraid|won't stop|ex|he|she|they|drunk|screaming|yelling)\b)",
        veto=r"\b(?:neighbou?rs? (?:party|music)|music|party|delivery|package|police knocked)\b",
    ),
    Rule(
        _A,
        r"\b(?:that )?i(?:'ll| will|'d| would) (?:regret|pay for) (?:this|it|leaving|what i did)\b",
        needs=r"\b(?:ex|he|she|they|texting|texted|told|said|threat\w*|messag\w*|husband|wife|boyfriend|girlfriend|partner)\b",
        veto=r"\b(?:i think|i know|maybe|probably|if i)\b[^.!?\n]{0,10}$",
    ),
    Rule(
        _A,
        r"\b(?:controlled|controls|control|controlling|took|takes|takes all|took all) (?:all )?(?:of )?(?:the|my|our) (?:money|finances|bank account|accounts|cards)\b|\b(?:wasn't|isn't|won't|wouldn't|doesn't|didn't) (?:letting|let) me (?:work|have a job|get a job|leave the house|go out|see (?:my )?friends|have friends)\b|\bcouldn't leave the house without (?:him|her|them)\b",
        needs=r"\b(?:ex|husband|wife|boyfriend|girlfriend|partner|he|she|they|dad|father|mum|mom|mother|parents|family|in-laws?)\b",
        veto=r"\b(?:company|startup|investors?|board|cfo|budget|finance team|my manager|my boss|the client|covid|lockdown|quarantine|pandemic|my doctor|surgery)\b",
    ),
    Rule(
        _A,
        r"\b(?:send|sending|sent) (?:them |him |her |more )?(?:pics|nudes|photos|pictures|videos)\b",
        needs=r"\b(?:if i don't|or else|or they'll|or he'll|or she'll|threat\w*|leak|post them|share them|come over|find me|i'm 1[0-7]|i am 1[0-7]|blackmail\w*|forced|making me|make me)\b",
        veto=r"\b(?:portfolio|client|project|real estate|listing|product|marketing|team|manager|design|mockups?|screenshots?)\b",
    ),
    Rule(
        _A,
        r"\bmake sure (?:i|you) (?:don't|do not|won't|never) (?:live|survive|make it|walk again|see (?:the|another|next|my))\b|\bif (?:he|she|they) can't have me,? (?:no one|nobody) (?:will|can|else)\b|\b(?:sending|sends|sent|been sending) me threats\b|\bknows? where (?:my kids|my children|my family|my son|my daughter|my parents) (?:go|goes|are|live|lives)\b",
        veto=r"\b(?:drill|training|example|scenario|movie|film|book|novel|song)\b",
    ),
    Rule(
        _A,
        r"\b(?:slashed my (?:tyres|tires)|my (?:tyres|tires) were slashed|keyed my car|smashed my (?:windows?|windscreen))\b",
    ),
    Rule(
        _A,
        r"\b(?:photos?|pictures?|pics)\b[^.!?\n]{0,12}\bof my (?:front door|door|house|home|car|window|windows|street|flat|apartment|building|kids)\b",
        needs=r"\b(?:block\w*|anonymous|new accounts?|someone|stranger|taken last night|keeps?|unknown|fake)\b",
        veto=r"\b(?:realtor|estate agent|listing|insurance|claim|contractor|builder|renovation|airbnb|landlord asked)\b",
    ),
    Rule(_A, r"\b(?:photos?|pictures?|pics|videos?) of me (?:at|in|outside|leaving|walking|getting|from|through|on)\b",
         needs=r"\b(?:unknown|anonymous|someone|stranger|texts?|keep getting|describing|number|account)\b",
         veto=r"\b(?:photographer|headshots?|linkedin|conference|team photo|wedding|graduation|portfolio)\b"),
    Rule(_A, r"\b(?:broken|faulty|no) (?:brakes|safety gear|harness|guards?|protective equipment|ppe)\b[^.!?\n]{0,80}\b(?:almost got|nearly got|got hurt|crushed|injured|killed|lost a finger)\b|\bthreaten\w* to report (?:my|me|us) (?:visa|immigration|status|to immigration|to ice)\b|\bthreaten\w* to report my visa status\b"),
    Rule(_A, r"\b(?:keeps?|kept) (?:driving|walking|going|hanging around) (?:past|by|outside) my (?:house|home|flat|place|work|apartment)\b|\b(?:saw|seen|found|caught) (?:him|her|someone|a man|a guy|them) in (?:our|my) (?:backyard|garden|yard|garage|hallway)\b"),
    Rule(_A, r"\b(?:punched|kicked|smashed|threw|slammed)\b[^.!?\n]{0,30}\b(?:next to|beside|by|near|at|past|inches from) my (?:head|face)\b|\bnext time it won't be the wall\b|\bworse things will happen (?:to me|if)\b"),
    Rule(_A, r"\b(?:said|says|told me|posted|threatened)\b[^.!?\n]{0,30}\b(?:he's|she's|they're|he is|she is|they are|he'll|she'll|they'll|he will|she will|they will) (?:going to |gonna )?(?:shoot|stab|kill|hurt|beat up|jump) me\b"),
    Rule(_A, r"\b(?:'ll|will|would|'d|going to|gonna) make (?:me|us) disappear\b|\bknows? where i (?:moved|live|work|am staying|sleep)\b|\b(?:put|send) us in (?:the )?hospital\b|\bburn (?:my|our) (?:house|home|flat|place) down with (?:me|us) in it\b",
         veto=r"\b(?:magic|magician|trick|hide and seek|lol|haha)\b"),
    Rule(_A, r"\b(?:leaving|left|leaves) (?:notes?|letters?|messages?|flowers|things) (?:on|at|in|under) my (?:car|door|windscreen|windshield|desk|mailbox)\b",
         needs=r"\b(?:school|kids|daughter|son|address|name|again|keeps|someone|anonymous|scared|creepy)\b"),
    Rule(_A, r"(?:^|[.!?]\s*)(?:boyfriend|girlfriend|husband|wife|partner|dad|father|mum|mom|mother|stepdad|stepfather|ex|brother)\s+(?:\w+\s+){0,2}?(?:choked|strangled|hit|punched|slapped|kicked|beat|shoved|raped|threatened|grabbed)\s+me\b|\b(?:hits|hit|beats|beat|punches|slaps) my (?:mom|mum|mother|sister|brother|dad)\b[^.!?\n]{0,30}\b(?:and then me|then me|me too|and me)\b"),
    Rule(_A, r"\b(?:takes|took|taking|keeps|kept) (?:all )?(?:of )?my (?:pension|benefits|savings|wages|paycheck)\b",
         needs=r"\b(?:son|daughter|grandson|granddaughter|husband|wife|carer|nephew|shouts|yells|won't give|if i ask)\b"),
    Rule(_A, r"\b(?:took|takes|kept|keeps|holds?|holding) (?:our|my) passports?\b",
         needs=r"\b(?:owe|debt|for free|can't leave|before we can leave|won't give|work for|boss|employer|agency|man|hostel)\b"),
    Rule(_A, r"\bfollowed me (?:to|from|into) (?:the|my) (?:gym|office|work|school|class|house|home|car|café|cafe|station|shop)\b",
         needs=r"\b(?:same car|same guy|same man|him|stranger|someone|again|every|keeps|scared|think it's)\b"),
    # --- more ways of saying it (writers f and g) -------------------------------------------
    Rule(_I, r"\b(?:how|so) (?:peaceful|nice|easy|good|quiet|simple|calm|restful|much easier|much simpler) it (?:would|'d|will|could) be (?:to (?:just )?(?:be dead|die|not wake up|not be here|not exist|be gone|disappear|stop|end it)|if i (?:was|were|could) (?:dead|gone|just die|not here|not around|never wake up|disappear))\b", joke=True),
    Rule(_I, r"\b(?:just |only |basically |really )?waiting (?:to die|for death|to not be (?:here|alive|around)|until i (?:die|can die|'m dead|am dead)|for (?:my life|it all|everything) to (?:end|be over))\b", veto=r"\b(?:not|never)\s+$"),
    Rule(_I, r"\b(?:tired|exhausted|sick|weary|worn out) (?:of|from) (?:being alive|existing|(?:pretending|acting) (?:that )?(?:i want|to want) to (?:be alive|live|be here)|living(?! (?:in|with|at|on|off|out|like|paycheck|here|there|under|near|alone|by)\b)|life(?! (?:admin|in|at|on|with)\b))\b", joke=True),
    Rule(_I, r"\bpretending (?:that )?(?:i want|to want|i'm glad|i am glad) to (?:be alive|live|be here|exist)\b"),
    Rule(_I, r"\bwhat(?:'s| is) (?:even )?the (?:point|use) (?:of|in) (?:carrying on |going on |continuing |keep )?(?:living|being alive|existing|life|my life|waking up|going on|carrying on)\b(?! (?:in|at|with|on|like)\b)"),
    Rule(_I, r"\b(?:is it|it's|is that) (?:normal|ok|okay|common|weird|bad|wrong) to (?:want to|wish you could|think about|keep thinking about) (?:kill(?:ing)? yourself|die|dying|end(?:ing)? your (?:own )?life|not exist(?:ing)?|not be(?:ing)? alive|be(?:ing)? dead)\b", veto=r"\b(?:friend|daughter|son|student|character|teen|kids?|patients?)\b"),
    Rule(_I, r"\b(?:hope|hoping|hoped|wish|wishing|wished|secretly hope|kind of hope|kinda hope)\b[^.!?\n]{0,30}\b(?:the |a |that )?(?:car|bus|truck|lorry|van|train|driver) (?:doesn't|does not|won't|wouldn't|didn't) (?:stop|brake|see me)\b", needs=r"\b(?:cross|crossing|road|street|step|walk|walking|traffic|kerb|curb)\b"),
    Rule(_I, r"\b(?:hope|hoping|hoped|wish|wishing|wouldn't care if|wouldn't mind if|would be fine if|i'd be fine if|relief if)\b[^.!?\n]{0,30}\b(?:it|we|the plane|my plane|the flight|my flight|the train|my train|the bus) (?:would |will |'d )?(?:just )?(?:go(?:es)? down|went down|crash(?:ed|es)?|derail(?:ed|s)?)\b", needs=r"\b(?:plane|flight|turbulence|train|bus|takeoff|landing|relief|scared me)\b"),
    Rule(_I, r"\b(?:hope|hoping|hoped|wish|wishing|pray|praying)\b[^.!?\n]{0,40}\b(?:something|someone|somebody|a bus|a car|an illness|illness|cancer|a disease|god|the universe|an accident|nature|it) (?:will |would |could |'ll |'d |might )?(?:just )?(?:come along and )?(?:end it|end me|take me|kill me|finish me off|do it for me)\b(?! (?:lol|haha|first)\b)", joke=True),
    Rule(_I, r"\bso (?:that )?i (?:don't|do not|wouldn't|won't|never) have to (?:keep )?(?:doing (?:this|the) (?:whole )?)?(?:living|being alive|exist\w*|wake up|go on|be here|keep going|live)(?: thing)?\b", needs=r"\b(?:hope|hoping|wish|scans?|results|diagnosis|illness|sick|die|dead|bad|accident|crash|cancer|tumou?r)\b"),
    Rule(_I, r"\b(?:how easy|so easy|easy) it (?:would|'d|could) be to\b[^.!?\n]{0,60}\b(?:not be here|not be alive|die|end it|be gone|let go of the wheel|swerve|jump|step (?:off|out|in front)|drive (?:off|into)|take (?:them|the pills|all of them)|go over)\b"),
    Rule(_I, r"\bcan'?t (?:picture|imagine|see)(?: myself)? (?:still )?(?:being )?(?:alive|around|here)\b[^.!?\n]{0,50}\b(?:don't want|do not want|won't be|wouldn't want|not going to be|no intention|don't plan)\b"),
    Rule(_I, r"\b(?:way|ways|how) to (?:just )?(?:stop being alive|stop existing|not exist|not be alive|never wake up|end it all|end my life|disappear forever|die (?:painlessly|peacefully|quickly|in my sleep))\b"),
    Rule(_I, r"\b(?:planning|plan|planned|intend|intending) (?:on )?not (?:to )?(?:be(?:ing)? )?(?:alive|around|here)\b(?! (?:for|at|during|when|on|in|next|this|that|tomorrow|the|much)\b)|\b(?:don't|do not|didn't) (?:plan|intend|expect) (?:on |to )?(?:be(?:ing)? )?(?:alive|around)\b(?! (?:for|at|during|when|on|in|next|this|that|tomorrow|the|much|to see)\b)", veto=r"\b(?:vacation|holiday|trip|leave|office|conference|weekend|meeting|party|move|moving)\b"),
    Rule(_I, r"\b(?:enough|reason) to make me stay\b", veto=r"\b(?:job|company|team|role|city|town|country|firm|industry|school|course|program|relationship|marriage|here in|at this)\b"),
    Rule(_I, rf"\b(?:before|after|once|when|until|by the time) i (?:finally |actually )?{_DIE_STRONG}\b", veto=r"\b(?:not|never)\s+$|^ (?:with|for|at|on|early)\b"),
    Rule(_I, r"\b(?:saying|said|say) (?:my )?(?:last|final) goodbyes?\b", needs=r"\b(?:today|tonight|people|everyone|helped|enough|stay|before i|for good|thank|not your fault|ready|it's time|to people)\b", veto=r"\b(?:grandma|grandpa|nan|nana|granny|gran|grandmother|grandfather|hospice|funeral|passed|dying|vet|dog|cat|house|flat|apartment|city|team|office|colleagues|school|moving|move|airport|flight)\b"),
    Rule(_G, r"\b(?:going to|gonna|i'll|i will|time to|about to) (?:rest|sleep|go)\b[^.!?\n]{0,14}\bfor good\b", needs=r"\b(?:tired|thank|goodbye|don't worry|bye|sorry|trying|enough|done)\b", veto=r"\b(?:vacation|holiday|job|company|city|country|abroad|moving|schedule|routine|habit)\b"),
    Rule(_SI, r"\brelaps(?:e|ed|ing)\b[^.!?\n]{0,12}\b(?:cutting|cut|burning|burned|sh|self[- ]?harm\w*|the blade)\b|\bthe cutting thing\b|\b(?:cutting|burning myself|sh) again\b(?! (?:costs?|corners|the|a|back|down|it)\b)"),
    Rule(_SI, r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?|months?) clean\b", needs=r"\b(?:sh|self[- ]?harm\w*|cut|cutting|cuts|blade|relaps\w*|deeper|scars?|urges?|last night happened|burn\w*)\b"),
    Rule(_SI, r"\b(?:getting|got|going|went|cut|cutting) deeper (?:each|every|this|than)\b", needs=r"\b(?:sh|self[- ]?harm\w*|cut|cutting|cuts|blade|relaps\w*|clean|scars?)\b"),
    Rule(_SI, r"\b(?:new|another|fresh) (?:scar|scars|cuts?|burns?)\b[^.!?\n]{0,80}\b(?:lied|lie|said it was|told (?:them|her|him|everyone) it was|the cat|hide|hiding|cover|covering|long sleeves)\b"),
    Rule(_U, r"\b(?:scared|afraid|frightened|terrified|worried) (?:of )?what i (?:might|could|would|'ll|will|may|'d) do to (?:him|her|them|someone|somebody|my \w+|the \w+|that \w+|people)\b"),
    Rule(_U, rf"\b(?:can't|cannot|don't know if i can|not sure i can|won't be able to) (?:stop|keep|hold) myself (?:back )?(?:from )?{_HARMING} {_PERSON}\b"),
    Rule(_U, r"\bpicked up (?:a|the|my) (?:kitchen )?(?:knife|hammer|bat|bottle|pan|scissors)\b[^.!?\n]{0,40}\b(?:put it (?:back )?down|had to put|stopped myself|scared me|what i (?:might|could|was going to) do)\b"),
    Rule(_IN, rf"\b(?:going to|gonna|will|i'll|plan to|planning to)\b[^.!?\n]{{0,50}}\band (?:properly |really |seriously )?(?:break (?:his|her|their) (?:legs?|arms?|neck|jaw|nose|face|knees?)|{_HARM} (?:him|her|them)(?: badly| properly)?)\b(?! (?:up|out)\b)", veto=r"\b(?:game|match|fortnite|minecraft|tackle|boxing|sparring|pillow|tickle|hug)\b"),
    Rule(_IN, r"\b(?:properly|seriously|really|badly) (?:hurt|injure|harm|stab|beat) (?:him|her|them)\b", needs=r"\b(?:going to|gonna|will|i'll|want to|thought about how|i've thought|tomorrow|tonight|decided)\b"),
    Rule(_IN, r"\b(?:i'm|i am|im|i'll|i will) (?:going to|gonna) (?:hurt|stab|beat up|attack|shoot|run over) (?!(?:it|this|that|the|my|myself|your|you|them all)\b)\w+\b", needs=r"\b(?:properly|seriously|thought about how|i've thought|tomorrow|tonight|decided|for real|i mean it|done being|had enough|deserves?)\b"),
    Rule(_IN, r"\bmake sure (?:he|she|they|that (?:guy|man|woman|bastard)) (?:never|can't|cannot|won't) (?:walks?|talks?|sees?|works?|uses? (?:his|her|their) \w+|hurts? anyone) again\b"),
    Rule(_A, r"\b(?:he|she|they) (?:said|says|swore|threatened|told me)\b[^.!?\n]{0,10}\b(?:he|she|they)(?:'d| would|'ll| will) (?:kill|hurt) me if i (?:ever )?(?:leave|left|tell|told|go|went|report|call)\b"),
    Rule(_A, r"\b(?:messages?|texts?|voicemails?|dms?|notes?|letters?|emails?|calls?)\b[^.!?\n]{0,60}\b(?:what i (?:was )?wore|what i was wearing|where i (?:was|went|had been) (?:that|today|last)|i see you|i'm watching you|watching you)\b"),
    Rule(_A, r"\b(?:standing|waiting|parked|sitting|lurking|hanging around) (?:outside|across from|across the (?:street|road) from|opposite|near|by) my (?:house|home|flat|apartment|building|door|window|work|office|school|car)\b", needs=r"\b(?:blocked|texts|won't stop|keeps|again|met once|ex\b|stranger|follow\w*|scared|afraid|night|calls|numbers?|messages)\b"),
    Rule(_A, r"\b(?:throws?|threw|throwing|hurls?|hurled)\b[^.!?\n]{0,15}\b(?:knives|knife|pans?|plates|chairs?|glass(?:es)?|bottles?|hammers?|tools?|things|stuff|objects)\b[^.!?\n]{0,25}\bat (?:us|me|the (?:juniors|staff|kids|team|new guy|apprentices|waiters)|my head|people|staff|workers|anyone)\b"),
    Rule(_A, r"\b(?:they|he|she)(?:'ll| will|'re going to|'re gonna|'s going to|'s gonna| said (?:they|he|she)(?:'d|'ll| would| will)| threatened to) (?:break|smash) my (?:arms?|legs?|fingers|hands?|knees?|face|jaw|kneecaps)\b"),
    Rule(_A, r"\b(?:tried to|tries to|keeps trying to|attempted to|try to) (?:touch|grope|kiss|grab|undress|force himself on|force herself on) me\b", veto=r"\b(?:baby|toddler|kid|son|daughter|dog|cat|puppy|kitten|grandson|granddaughter)\b"),
    Rule(_A, r"\b(?:lets himself in|let himself in|has a key and|comes into my room|came into my room) (?:at night|while i sleep|when i'm asleep|without (?:asking|knocking)|uninvited)\b"),
    Rule(_A, r"\bscared (?:that )?(?:the next (?:thing|time) (?:will be|it's|it will be|is) me|(?:he|she)(?:'ll| will| is going to|'s going to) (?:hit|hurt|kill|strangle) me)\b"),
    Rule(_A, r"\b(?:send|post|share|leak|release|show)\w* (?:my )?(?:nudes|naked (?:photos|pictures|pics)|intimate (?:photos|pictures|videos)|private (?:photos|pictures|videos))\b[^.!?\n]{0,40}\b(?:unless|if i don't|if i do not|or else|pay)\b|\b(?:sextort\w*|revenge porn)\b"),
    Rule(_A, r"\b(?:put|puts|wrapped|had) (?:his|her|their) hands? (?:around|on|round) my (?:neck|throat)\b"),
    Rule(_A, r"\b(?:emailing|texting|messaging|sending) me threats\b|\bthreat(?:s|ening) (?:to )?(?:make it even|get me|get even|find me|come for me|hurt me)\b|\bgoing to (?:\"|')?make it even\b"),
    Rule(_A, r"\bif i (?:ever )?(?:leave|left|try to leave|tried to leave|go to the police|went to the police|tell anyone|told anyone|tell someone|report (?:him|her|it)|call the police|break up with (?:him|her))\b(?! (?:the|my|a|it|them|early|late|work|now|before|after|this|that|at|for|on|in|without)\b)", needs=r"\b(?:he|she|they)(?:'ll| will|'d| would|'s going to| is going to|'re going to) (?:kill|hurt|find|hunt|make me pay|take the kids|take my kids|take the children)\b"),
    Rule(_P, r"\b(?:platform|tracks|bridge|ledge|edge|roof|rooftop|balcony|cliff|overpass)\b[^.!?\n]{0,40}\b(?:thinking|think|thought) (?:about|of) (?:jumping|stepping (?:off|out|in front)|falling|letting go|going over)\b", veto=r"\b(?:parachut\w*|bungee|skydiv\w*|pool|diving|dive|swim\w*|climb\w*|base jump\w*|scared of heights|fear of heights)\b"),
    Rule(_G, r"\b(?:arranged|sorted|sorted out|put|got|set) (?:all )?(?:of )?(?:my )?affairs(?: in order)?\b", needs=r"\b(?:passwords|grateful|thank|goes to|go to my|wanted someone to know|that is all|that's all|goodbye|letters?|note|for good|not your fault)\b", veto=r"\b(?:surgery|operation|trip|move|moving|abroad|deployment|retir\w*)\b"),
    Rule(_I, r"\b(?:i'd|i would|id|i'll|i will) be (?:fine|ok|okay|happy|relieved|glad|at peace) if it (?:actually |really |literally |finally )?(?:did|does|would|killed me|finished me)\b", needs=r"\b(?:killing me|kill me|killed me|die|dying|dead|end me|finish me)\b"),
    Rule(_I, rf"\b(?:think|thinking|thought) (?:a lot|so much|constantly|all the time|too much|more and more|often|every day|daily|nonstop|a bunch) (?:about|of) {_DYING}\b"),
    Rule(_I, r"\b(?:picture|imagine|see)\b[^.!?\n]{0,25}\b(?:next year|the future|my future|five years|ten years|a future|old age|being old|getting old|myself at \d+)\b[^.!?]{0,60}\b(?:don't want there to be|don't want to be there|don't want to get there|won't be (?:here|around|alive)|not going to be (?:here|around|alive))\b"),
    Rule(_I, r"\b(?:top|topping|topped|neck|necking|necked|rope|roping) myself\b|\b(?:self[- ]?delet(?:e|ing)|delete myself|deleting myself|sewerslide|do myself in|doing myself in|did myself in)\b", veto=r"\b(?:not|never|don't|won't|wouldn't)\s+(?:\w+\s+){0,2}$|\b(?:account|profile|app|instagram|facebook|twitter|tiktok|snap\w*|discord|data|files?|drink|glass|cup|tank|battery|phone|pool)\b"),
    Rule(_I, r"\b(?:do|doing|did|done) (?:something|anything) (?:stupid |drastic |permanent |bad )?to myself\b", veto=r"\b(?:nice|kind|good|for|treat|special)\b|\b(?:not|never|won't|wouldn't)\s+(?:\w+\s+){0,2}$"),
    Rule(_I, r"\b(?:before|after|once|when|until|by the time) i(?:'ve| have|'m| am)? (?:ended (?:it|things|my life|it all)|killed myself|taken my (?:own )?life|gone through with it|passed)\b(?! (?:with|the|my|a|an|on|in|at|for|away)\b)"),
    Rule(_I, r"\b(?:want|wanna|wish) to (?:just )?(?:waste away|starve myself|starve to death|wither away|rot away)\b"),
    Rule(_I, r"\breasons? (?:not to|to not) (?:kill myself|end it|end my life|die|give up on life)\b"),
    Rule(_I, r"\bgive up on (?:life|living|being alive|existing)(?: completely| entirely| for good)?\b", veto=r"\b(?:not|never|don't|won't|do not|shouldn't|didn't)\s+(?:\w+\s+){0,2}$|\b(?:you|people|they|someone|patients?|he|she)\s+$"),
    Rule(_I, r"\b(?:dying|death|being dead|not waking up|not existing) (?:sounds|seems|feels|looks) (?:like )?(?:a |so |kind of |kinda |pretty |quite )?(?:rest|relief|peaceful|nice|good|appealing|tempting|easier|better|freedom|like freedom|like a relief|like peace)\b", joke=True),
    Rule(_I, r"\bwant (?:it all|everything|all of it|life|my life) to (?:just )?(?:stop|end|be over)\b", needs=r"\b(?:die|dying|dead|death|alive|living|rest|kill|suicid\w*|exist\w*|not be here|gone)\b"),
    Rule(_I, r"\b(?:don't|do not|dont) (?:think|expect) i(?:'ll| will) (?:still )?be (?:around|alive|here) (?:by|for|at|next|in|to see|much longer|long)\b", veto=r"^[^.!?\n]{0,25}\b(?:job|company|team|role|city|contract|office|firm|project|school|uni|country|town)\b|\b(?:leave|vacation|holiday|review|meeting|trip|parental|maternity|paternity|conference|sabbatical|moving|move)\b"),
    Rule(_I, r"\bbetter (?:if|when) i (?:just |am |'m |was |were )?(?:not|no longer|never|wasn't|weren't) (?:around|here|alive|exist\w*|be born|born)\b", veto=r"\b(?:meeting|office|call|team|project|party|trip|class|room|house)\b"),
    Rule(_I, r"\b(?:wouldn't be (?:so |that |too )?bad|would be (?:easier|a relief|nice|fine)|wouldn't mind)\b[^.!?\n]{0,25}\bif i (?:just )?(?:drifted|swerved|drove|veered|stepped|walked|fell|jumped|crashed|didn't wake|never woke|died|wasn't here|wasn't around|disappeared)\b"),
    Rule(_I, r"\b(?:i'd|i would) rather (?:the whole thing|it all|everything|my life|life) (?:just )?(?:ended|stopped|was over|were over)\b|\bi (?:don't|do not) want (?:a|any) future\b"),
    Rule(_G, r"\b(?:so )?this is it(?: i guess| then| for me)?\b", needs=r"\b(?:gave (?:the|my|away)|sold (?:the|my)|given away|wrote to|you've been (?:great|good|kind)|thank\w*|goodbye|bye|i'm done|im done|done with all)\b", veto=r"\b(?:launch|release|game|match|final|exam|wedding|big day|interview|moment|move|flight|deadline|season|episode|chapter|trip|job|show|concert)\b"),
    Rule(_G, r"\b(?:said|saying) (?:my )?goodbyes? to (?:everyone|everybody|all of (?:them|you)|the people (?:who|that) matter|my family|people)\b", needs=r"\b(?:last one|won't be needing|look after yourself|thank|for good|before i|you were one|you're the last|end things)\b", veto=r"\b(?:leaving|moving|job|company|team|retir\w*|party|holiday|abroad|flight|school|graduat\w*|emigrat\w*)\b"),
    Rule(_SI, r"\b(?:pick|picking|picked|reopen\w*|opening up|open up) (?:at )?(?:the|my) (?:cuts|scabs|wounds|scars)\b(?=[^.!?\n]{0,40}\b(?:don't heal|dont heal|won't heal|need to see|so they|again|on purpose|make them)\b)"),
    Rule(_SI, r"\b(?:razors?|blades?|cutting|burning myself|self[- ]harm|sh) (?:is|are|has been|have been|was|were) (?:my|the only) (?:coping mechanism|way to cope|only way|release|outlet|comfort)\b"),
    Rule(_SI, r"\brelaps(?:e|ed|ing)\b[.!,;: ]{0,3}[^.!?\n]{0,12}\b(?:arms?|wrists?|thighs?)\b(?: are| is)? (?:a mess|covered|bad|cut|bleeding|scarred)\b"),
    Rule(_IN, r"\bwon't be (?:leaving|walking|going home|walking out|getting up) (?:on (?:his|her|their) own(?: two)? (?:feet|legs)|under (?:his|her|their) own steam|in one piece)\b|\b(?:he|she|they)(?:'s|'re| is| are)? not (?:getting|going to get|gonna get) (?:back )?up\b", needs=r"\b(?:bat|knife|gun|tonight|going over|hurt|poison\w*|hit|waiting for (?:him|her|them)|he knows|she knows|deserves?)\b"),
    Rule(_IN, r"\b(?:set|setting|light|lighting|burn|burning) (?:his|her|their|the) (?:place|house|flat|car|home|apartment|shop|room|caravan|office) (?:on fire|alight|ablaze|down)\b", joke=True, veto=r"\b(?:accidentally|nearly|almost|game|minecraft|oven|cooking|toast|candle|sims|movie|dream|playlist|song|music|dance|track|mixtape|stage|dj set|gig|concert|performance|party)\b"),
    Rule(_IN, r"\b(?:going to|gonna|i'll|will) (?:hurt|kill|stab|shoot|beat up|attack|punish) (?:the|those|these|all the|every) (?:people|ones|guys|girls|kids|bastards|bullies|men|women|assholes) (?:who|that|at)\b", veto=r"\b(?:feelings|with (?:kindness|words|success)|in court|legally|game|match)\b"),
    Rule(_IN, r"\b(?:bring|bringing|brought|take|taking|carry|carrying) (?:a |my |my \w+'s |his |her |the |dad's |mum's |mom's )?(?:knife|blade|gun|pistol|bat|machete|weapon|hammer)s? (?:to|into) (?:school|class|work|the office|college|uni|practice|the game|the party|church|the meeting)\b", veto=r"\b(?:cooking|chef|culinary|food tech|home ec|butter|cake|show and tell|whittl\w*|craft|fishing|camp\w*|baseball|softball|cricket|prop|costume|play|toy|nerf)\b"),
    Rule(_IN, r"\b(?:put|putting|gonna put|going to put) (?:him|her|them|that \w+|the \w+) in (?:the )?(?:hospital|a wheelchair|the ground|a coffin|the morgue|an early grave|traction)\b", needs=r"\b(?:one more|decided|going to|gonna|i'll|if he|if she|deserves?|already decided|told the)\b"),
    Rule(_IN, r"\bmake sure (?:he|she|they|that (?:guy|man|woman|bastard)) (?:never|can't|cannot|won't) (?:walks?|talks?|sees?|works?) (?:right|properly|straight|normally|the same) again\b"),
    Rule(_U, r"\b(?:don't|do not|dont) know what i(?:'d| would)(?: have)? (?:done|do)(?: to (?:him|her|them))? if (?:he|she|they)(?:'d| had)? (?:stopped|got out|pulled over|come back|said|turned round|turned around)\b"),
    Rule(_U, r"\b(?:kept|keep|nearly kept|kept on) (?:going|hitting|punching|kicking) (?:on |at )?(?:him|her|them|a \w+|the \w+)\b[^.!?\n]{0,30}\b(?:already down|on the ground|out cold|unconscious)\b|\bdidn't want to stop\b(?=[^\n]{0,60}\b(?:next time|hitting|punching|down)\b)"),
    Rule(_A, r"\b(?:make sure|see to it|arrange(?: it)?) (?:that )?(?:i|you|she|he) ['\"]?(?:have|has|had|meet|meets) an ['\"]?accident\b"),
    Rule(_A, r"\b(?:know|knows|found out) (?:which|what|where) (?:school|nursery|daycare|class) my (?:kids?|children|son|daughter) (?:go|goes|attend)s?\b", needs=r"\b(?:pay|or else|message|threat\w*|unless|scared|names?|better)\b"),
    Rule(_A, r"\b(?:grabbed|grabs|had|held|pinned|pushed|shoved|pulled|dragged) me by (?:the|my) (?:throat|neck|hair|collar)\b"),
    Rule(_A, r"\b(?:throw|pour|splash|chuck)\w* acid\b", needs=r"\b(?:he|she|they|ex|said|says|threat\w*)\b"),
    Rule(_A, r"\b(?:has been|have been|keeps|kept|been|started|is|was|he's|she's) following me (?:to|home|from|around|everywhere|after|for)\b", needs=r"\b(?:weeks?|days|every|again|waiting|scared|afraid|customer|man|guy|stranger|ex|tonight)\b", veto=r"\b(?:twitter|instagram|tiktok|insta|online|social media|puppy|dog|cat|toddler|kid|baby|son|daughter)\b"),
    Rule(_P, r"\b(?:take|taking|swallow|swallowing|down|downing) (?:all|every one|every last one|the whole (?:bottle|pack|box|packet)) (?:of )?(?:my|the|these|those|them)?\s?(?:pills|tablets|meds|medication|sleeping pills|painkillers|antidepressants)?\b", needs=r"\b(?:tonight|at once|in one go|together|end it|die|goodbye|enough|all at once)\b", veto=r"\b(?:as prescribed|antibiotics|course|finish the|vitamins|supplements|remember|forgot|forget|every morning|with food|daily|a day|breakfast|lunch|dinner|morning|evening routine)\b"),
    Rule(_I, r"\b(?:nearly|almost|tried to|attempted to|came close to) (?:took|take|taken|ended|end|ending|killed|kill|killing|taking) (?:my (?:own )?life|myself)\b(?! (?:in|into|to|back|a|laughing|with laughter)\b)", veto=r"\b(?:laugh\w*|lol|embarrass\w*)\b"),
    Rule(_I, r"\bfeel(?:ing|s)? like dying\b", joke=True, veto=r"^ (?:of|from|after|laughing|inside|lol)|\b(?:workout|gym|run|hangover|cramps|flu|sick|cold|heat|hot|leg day|period|migraine|marathon|hike)\b"),
    Rule(_I, r"\bwant my life to (?:just )?(?:end|be over|stop)\b"),
    Rule(_I, r"\b(?:want|wanna|wish|need|going|gonna|ready) (?:2|to) (?:die|kms|kill myself|end it|b dead|be dead|not exist|disappear forever)\b(?! (?:of|from|laughing|inside)\b)", joke=True, veto=r"\b(?:not|never|don't|dont|didn't)\s+(?:\w+\s+){0,2}$"),
    Rule(_I, r"\b(?:normal|ok|okay|common|weird|bad|wrong) to (?:\w+ ){0,3}(?:want(?:ing)? to|wish(?:ing)?|think(?:ing)? about) (?:kill(?:ing)? yourself|die|dying|end(?:ing)? your (?:own )?life|not exist(?:ing)?|be(?:ing)? dead)\b", veto=r"\b(?:friend|daughter|son|student|character|teen|kids?|patients?)\b"),
    Rule(_I, r"\b(?:wish|wishing|wished|hope|hoping|pray|praying)\b (?:that )?i(?:'d| would| could| will|'ll)? (?:just )?(?:die|not wake up|never wake up|be dead|stop existing)\b(?! (?:of|laughing|from)\b)", joke=True),
    Rule(_I, r"\b(?:act|acting|acted) on (?:wanting to die|the urge to (?:die|end it|kill myself)|these thoughts|my thoughts|suicidal (?:thoughts|feelings|urges)|the thoughts|the urges?)\b", needs=r"\b(?:die|dying|suicid\w*|kill myself|alive|end it|dead)\b"),
    Rule(_I, r"\bwhat(?:'s|s| is) (?:even )?the (?:point|use) (?:of|in) (?:me )?(?:even )?(?:being here|being alive|living|existing|me being here|staying alive)\b"),
    Rule(_I, r"\b(?:i'd|i would|id) be (?:fine|ok|okay|happy|glad|at peace|relieved) (?:never|not) (?:waking up|wake up|being here|existing|being alive)\b"),
    Rule(_I, r"\bif (?:a|the) (?:bus|car|truck|lorry|train) (?:hit|hits|ran over|runs over|took) me\b[^.!?\n]{0,30}\b(?:wouldn't mind|wouldn't care|would be fine|be relieved|be a relief|fine with it|ok with it|okay with it|so be it)\b"),
    Rule(_I, r"\bso (?:it|everything|it all|this) (?:would|could|will|'d) (?:all )?(?:just )?(?:be over|end|stop)\b", needs=r"\b(?:wish\w*|hop\w*|sick|ill|die|accident|cancer|dead)\b", veto=r"\b(?:meeting|call|semester|term|exam|shift|project|day|week|pain)\b"),
    Rule(_I, r"\b(?:finish|finishing|terminate|terminating) my (?:own )?life\b(?!'s| story| work)"),
    Rule(_I, r"\b(?:just )?(?:stopped|stop|stopping) being\b(?=\s*[.!,?]|\s*$)|\bstopped existing\b"),
    Rule(_I, r"\b(?:or|nor) (?:on |about )?(?:being alive|living|existing|being here|being around)\b", needs=r"\b(?:don't plan|won't|not coming back|not planning|no plans?|don't intend)\b"),
    Rule(_P, r"\b(?:picked|chosen|chose|set|decided on|have|got) a date\b", needs=r"\b(?:until then|get through|that's when|it'll be over|ready|pills|tablets|note|goodbye|last)\b", veto=r"\b(?:wedding|launch|release|move|moving|trip|holiday|vacation|interview|exam|surgery|party|anniversary|baby|due|court|hearing|start)\b"),
    Rule(_P, r"\b(?:that's|thats|that is) when\s*[.!]?\s*$|\b(?:flat|house|place|apartment|home) to myself (?:on|this|tonight|tomorrow|friday|saturday|sunday|monday|tuesday|wednesday|thursday)\b", needs=r"\b(?:tablets|pills|rope|bridge|note|ready|meds|it's done|then it's done|goodbye|end)\b"),
    Rule(_P, r"\btonight (?:feels|seems|is) like (?:the|a good) night\b|\btonight's the night\b", needs=r"\b(?:everything i need|ready|pills|tablets|note|goodbye|end|over|room)\b", veto=r"\b(?:date|party|game|proposal|propose|gig|launch|ask (?:her|him) out|premiere|movie|concert)\b"),
    Rule(_P, r"\b(?:bridge|overpass|cliff|tracks|platform|roof|car park)\b[^.!?\n]{0,60}\b(?:stopping there|stand there|standing there|sitting there|going there|stop there|go there) (?:every|each|most) (?:night|day|evening|morning)\b", needs=r"\b(?:thinking about it|looking down|staring|jump\w*|edge)\b"),
    Rule(_IN, r"\b(?:i'm|im|i am|i'll|ill|i will)\s+(?:gonna\s+|going to\s+)?(?:\w+\s+)?(?:stab|stabbing|shoot|shooting|strangle|strangling|murder|murdering|seriously injure|maim|knife|knifing|glass|glassing)\s+(?!(?:it|this|that|the|myself|yourself|some|a|an|for|up|down|out|off|over|you|u|ya|them all|hoops|pool|photos?|pictures|video|film|scene|shot|goal|three|arrows?|whoever|whomever|everyone|everybody|somebody|anyone|the next|whatever)\b)[a-z][\w'-]*\b(?! (?:a|an|some|the) (?:message|email|text|dm|line|note|quick|link)\b)", joke=True, veto=r"\b(?:camera|photo\w*|film\w*|movie|scene|video|basketball|hoops|archery|paintball|airsoft|nerf|game|fortnite|cod|hunting|deer|range)\b"),
    Rule(_IN, r"\b(?:i'm|im|i am|i'll|ill|i will|gonna|going to)\s+(?:\w+\s+)?(?:kill|hurt|end|stab|beat up|smash|cripple)\s+(?:my |his |her |their |that |this |the )?(?!(?:it|this|that|time|myself|yourself|the (?:meeting|day|game|deadline|project|presentation|interview|exam|test))\b)[a-z][\w'-]*\b", joke=True, needs=r"\b(?:not joking|for real|i mean it|i've decided|already decided|made up my mind|i know where|i know his|i know her|mark my words|i swear|won't see it coming|properly|this week|his routine|her routine|when she's alone|when he's alone|not being funny|i'm serious|next time i see)\b"),
    Rule(_IN, r"\b(?:is|he's|she's|they're) (?:so )?(?:dead|a dead man|dead meat|done for) (?:the (?:second|moment|minute)|as soon as|when|if) (?:he|she|they)\b", needs=r"\b(?:decided|i swear|mean it|not joking|knife|gun|for real|i've decided)\b"),
    Rule(_IN, r"\b(?:is going to|'s going to|is gonna|'s gonna|will) end up (?:dead|in hospital|in the hospital|in a wheelchair|in the ground)\b", needs=r"\b(?:i know where (?:he|she|they) (?:lives|works)|i'm going over|i'll make sure|decided|mark my words|i'm going there)\b"),
    Rule(_IN, r"\b(?:i'm|im|i am|i'll|ill|i will|gonna|going to)\s+(?:\w+\s+){0,2}?(?:break|breaking|smash|smashing|bust|busting|cave|caving|knock|knocking) (?:in )?(?:my |his |her |their |that |the )?[\w-]+(?:'s|s') (?:jaw|nose|face|skull|head|legs?|arms?|kneecaps?|ribs|teeth)(?: in)?\b", veto=r"\b(?:game|tackle|boxing|sparring|rugby|lol|lmao)\b"),
    Rule(_IN, r"\b(?:i'm|im|i am) (?:stabbing|shooting|killing|strangling|knifing|glassing|bottling) (?:him|her|them)\b", needs=r"\b(?:decided|next time|tomorrow|tonight|mark my words|swear|already)\b"),
    Rule(_IN, r"\b(?:use|using) it on (?:him|her|them)\b", needs=r"\b(?:knife|gun|blade|bat|hammer|weapon|machete|acid)\b"),
    Rule(_U, r"\b(?:picture|imagine|fantasi[sz]e about|daydream about)\w* (?:grabbing|strangling|choking|hitting|punching|stabbing|hurting|killing|smashing) (?:him|her|them|my \w+)\b", needs=r"\b(?:harder|can't stop|more and more|scared|lately|keep|worse)\b"),
    Rule(_U, r"\bso (?:that )?i (?:wouldn't|won't|couldn't|didn't|would not|don't) (?:hurt|hit|kill|attack|strangle|punch|harm) (?:him|her|them|my \w+|the \w+|anyone|someone)\b"),
    Rule(_U, r"\b(?:gripping|grabbing|holding|reaching for|picked up|pick up|grab) (?:the|a) (?:kitchen )?knife (?:when|while|during|as) (?:we|my \w+|he|she|they) (?:argue|fight|row|shout|yell)\w*\b"),
    Rule(_U, r"\bsnap and (?:hurt|hit|kill|attack|stab|punch) (?:someone|somebody|him|her|them|people|my \w+|a \w+)\b"),
    Rule(_I, r"\b(?:thinking|wanting|want|thought)-(?:about|of|to)-(?:suicide|die|dying|killing-myself|kill-myself|end-it|ending-it)\b"),
    Rule(_U, r"\b(?:thinking about|picturing|imagining|fantasi[sz]ing about) (?:running|driving|pushing|knocking|shoving) (?:[\w']+ ){1,4}(?:off the road|into traffic|down the stairs|off (?:a|the) (?:bridge|cliff|platform|roof)|in front of)\b"),
    Rule(_A, r"\b(?:airtag|air tag|tracker|tracking device|gps tracker|tile tracker|tracking app)s?\b", needs=r"\b(?:found|sewn|hidden|hid|discovered|stuck|taped|under my|in my bag|on my car|tracking me|following me)\b", veto=r"\b(?:lost|luggage|keys|wallet|dog|cat|package|parcel|order|delivery|fitness|sleep|habit|budget|expense|project|time)\b"),
    Rule(_P, r"\b(?:walk(?:ing)?|swim(?:ming)?|wade|wading|go(?:ing)?) (?:in|into the (?:sea|water|ocean|river|lake|waves)|out) and not (?:coming|come) back\b"),
    Rule(_I, r"\b(?:life insurance|insurance (?:money|payout))\b[^.!?\n]{0,40}\b(?:than (?:with )?me|instead of me|without me)\b|\bbetter off with (?:the|my) (?:life )?insurance\b"),
    Rule(_A, r"\b(?:will|'ll|would|might|could|going to|gonna) (?:have|meet|suffer) an ['\"]?accident['\"]?", needs=r"\b(?:says|said|threat\w*|anyone who|if you|if i|boss|warned|union|report)\b", veto=r"\b(?:toddler|potty|dog|puppy|car insurance|likely to|statistically)\b"),
    Rule(_I, r"\btired (?:fi|to|of) live\b|\btired of being alive\b"),
    Rule(_SI, r"\b(?:urge|urges|need|craving|temptation|itch) to (?:cut|burn myself|hurt myself|self[- ]harm|sh)\b(?! (?:costs?|corners|my hair|hair|back|down|ties|class|the|it|loose|out|off|in|through|a|some|things|people|him|her|them|spend|spending|budget|headcount|hours|prices|rates|fees|expenses|salaries|jobs|staff|funding|our|their|my losses|losses|scope|sugar|carbs)\b)"),
    Rule(_A, r"\b(?:touches|touched|gropes|groped|grabs|grabbed|feels|felt) me (?:up )?(?:when|while|whenever|every time|if|at night|in the)\b", veto=r"\b(?:baby|toddler|kid|son|daughter|dog|cat|puppy|kitten|grandson|granddaughter|massage|physio|doctor|nurse|dentist|music|song|story|film|movie|words|speech)\b"),
    Rule(_P, r"\b(?:meaning|intending|planning|meant|intended|ready|went there|drove (?:out )?there) to (?:end it|end things|kill myself|end my life|do it|jump)\b(?! (?:with|at|for|early|in|into|on|ship|start)\b)", needs=r"\b(?:bridge|roof|edge|tracks|cliff|pills|tablets|drove|last night|sat there|rope|ledge|end it|kill myself|end my life|end things|harbour|river)\b"),
    Rule(_I, r"\bwouldn't mind (?:not existing|not being (?:alive|here|around)|dying|being dead|not waking up|if i died|if i didn't wake up|if it happened)\b", needs=r"\b(?:exist\w*|die|died|dying|dead|alive|wake up|not going to do anything)\b"),
    Rule(_A, r"\b(?:beat|beats|beating|hit|hits|kick|kicks|punch|punches) (?:us|me) (?:up )?(?:in the (?:dorm|dormitory|barracks|toilets|changing rooms?|locker room|cell)|every (?:night|day|morning)|after (?:school|lights out|practice))\b", veto=r"\b(?:game|chess|tennis|match|at (?:cards|pool|chess|fifa|mario kart)|scores?|race|quiz)\b"),
    Rule(_U, r"\b(?:nearly|almost) (?:threw|pushed|shoved|hit|strangled|choked|stabbed|punched|killed|hurt) (?:my|his|her|the|a) (?:little |baby |big |younger |older )?(?:sister|brother|son|daughter|baby|kid|child|wife|husband|partner|gf|bf|girlfriend|boyfriend|mum|mom|dad|mother|father|flatmate|roommate|colleague|coworker|nan|grandma|grandad)\b", veto=r"\b(?:laugh\w*|lol|accident\w*|tripped|by mistake|scared)\b"),
    Rule(_U, r"\b(?:had|put|got) my hands? (?:round|around|on) (?:her|his|their|my \w+'s) (?:neck|throat)\b"),
    Rule(_I, r"\bif i (?:died|were to die|was dead|didn't wake up|never woke up|was gone|disappeared)(?: tomorrow| tonight| today)?\b[^.!?\n]{0,30}\b(?:relief|wouldn't mind|be fine|be better|be okay|be ok|nobody would (?:care|notice|miss me)|no one would (?:care|notice|miss me))\b"),
    Rule(_I, r"\b(?:look(?:ing)? forward to|can't wait for) (?:dying|death|being dead|not waking up)\b|\bstopped being (?:scared|afraid) of (?:dying|death)\b(?=[^\n]{0,60}\b(?:look forward|want|ready|relief|welcome)\b)"),
    Rule(_I, r"\bif i (?:just )?(?:disappear|vanish|die|am gone|was gone|were gone|am dead|was dead)(?: forever| for good)?\b[^.!?\n]{0,20}\b(?:better|easier|relief|happier)\b", veto=r"\b(?:meeting|call|week|weekend|vacation|holiday|trip|day|afternoon)\b"),
    Rule(_G, r"\bwon't be (?:around|here|alive) for (?:them|it|that|any of (?:it|them)|the next)\b", needs=r"\b(?:made my peace|cancel\w*|good ones|goodbye|thank\w*|for good|sorry|not your fault)\b", veto=r"\b(?:vacation|holiday|leave|trip|moving|conference|travel\w*|surgery|maternity|paternity)\b"),
    Rule(_G, r"\b(?:won't|will not|am not|i'm not|not) (?:be )?(?:coming|come) back\b", needs=r"\b(?:blame yourself|not your fault|goodbye|god bless|thank you for everything|forgive me|farewell|made my peace)\b", veto=r"\b(?:job|company|office|school|uni|class|course|gym|team|country|city|town|role|shop|restaurant|store)\b"),
    Rule(_IN, r"\b(?:he|she|they) won't be (?:walking|standing|talking|getting up)(?: again)? (?:after|when) i'm (?:done|finished|through)\b"),
    Rule(_IN, r"\b(?:are|is|he's|she's|they're) (?:getting|gonna get|going to get) what(?:'s| is) coming(?: to (?:them|him|her))?\b", needs=r"\b(?:cousins|driving up|we know|bar|know where|tonight|tomorrow|bat|knife|gun|going round|going over)\b"),
    Rule(_SI, r"\b(?:bang|banged|banging|hit|hitting|smash|smashed|slam|slammed) my head (?:against|on|into) (?:the|a) (?:wall|desk|floor|door|mirror)\b", needs=r"\b(?:till|until|literally|bruise\w*|bleed\w*|bump|stars|toilet|did it|every time i|when i mess up|punish\w*)\b"),
    Rule(_A, r"\b(?:he's|hes|she's|shes|he is|she is|they're|keeps (?:turning up|showing up)|showed up|shows up|turned up|turns up) outside my (?:flat|house|home|door|work|apartment|building|window|office|school)\b", needs=r"\b(?:nights?|every|scared|afraid|again|keeps|found my|insta\w*|gym|ex|stranger|blocked|won't leave)\b"),
    Rule(_A, r"\b(?:keeps|kept|started|been) (?:showing|turning) up (?:wherever|everywhere|at my (?:work|house|flat|school|gym|job)|outside my)\b"),
    Rule(_I, r"\b(?:(?:thinking|thought|think|been thinking) (?:of|about)|want to|wanna|ready to|going to|longing to|long to|could just go and|might as well) (?:join|joining|be with) (?:her|him|them|my (?:wife|husband|mum|mom|dad|son|daughter|partner|wife|boyfriend|girlfriend))\b(?! (?:for|at|on|in) )", needs=r"\b(?:passed|passed away|died|dead|lost (?:her|him|them|my)|funeral|death|heaven|grave|widow\w*|cancer took|since (?:she|he) went)\b", veto=r"\b(?:team|company|club|gym|call|meeting|class|startup|band|course|lunch|dinner|coffee|trip|holiday|business|firm|practice|board|choir)\b"),
    Rule(_A, r"\b(?:he|she|they|my ex|my husband|my wife|my partner|my boyfriend|my girlfriend|my dad|my father|my stepdad)\s+(?:has\s+|had\s+)?(?:somehow\s+)?(?:tracked|tracks|is tracking|was tracking|has been tracking|been tracking|put a tracker on|hacked)\s+(?:somehow\s+)?my\s+(?:phone|location|car|gps|messages|email)\b", veto=r"\b(?:find my|family sharing|lost phone|stolen|when i lost|app|feature|bug)\b"),
    Rule(_IN, r"\b(?:going to|gonna|will|i'll|i'm|im|and)\b[^.!?\n]{0,50}\bending (?:him|her|them|that (?:guy|man|woman|bloke|prick))\b", joke=True, veto=r"\b(?:game|boss fight|match|round|chess|fortnite|mortal kombat|argument|debate|career|relationship|friendship|contract|call|conversation)\b"),
    Rule(_I, r"\b(?:can't|cannot|can not|don't|do not) (?:\w+ )?see (?:a|any|one|the) (?:single )?reason (?:to|for) (?:keep going|keep living|go on|going on|carry on|carrying on|live|living|stay alive|be alive|be here|staying|wake up)\b", veto=r"\b(?:with (?:this|the) (?:project|job|course|degree|app|startup|company|team|plan)|in (?:this|the) (?:job|role|course|company|team))\b"),
    Rule(_A, r"\b(?:locked|locks|locking) (?:me in|the door|the (?:office|room|car) door)\b[^.!?\n]{0,60}\b(?:not let me (?:out|leave|go)|wouldn't let me (?:out|leave|go)|won't let me (?:out|leave|go)|until i screamed|couldn't get out)\b|\b(?:he|she|they|my \w+) (?:would not|wouldn't|won't|will not|didn't) let me (?:leave|out|go home|out of the (?:room|house|flat|car|office))\b(?=[^.!?\n]{0,60}\b(?:locked|blocked|door|grabbed|until|screamed|scared|keys?)\b)"),
    Rule(_SI, r"\b(?:injuring|injure|injured|harming|harmed|hurting|hurt|cutting|cut|burning|burned|burnt) myself (?:with|using) (?:a |my |the )?(?:blade|razor|knife|lighter|scissors|glass|compass|sharpener)\b"),
    Rule(_A, r"\b(?:his|her|their|a) (?:car|van|truck)(?:'s| has| is| was)? (?:been )?(?:parked )?outside my (?:flat|house|home|place|work|apartment|building)\b(?=[^!?\n]{0,120}\b(?:nights?|every|following|followed|note|scared|afraid|again|running|days)\b)"),
    Rule(_U, r"\b(?:going to|gonna|will|i'll|could|might|want to|wanna)\b[^.!?\n]{0,20}\bput (?:him|her|them|his head|her head) through (?:a|the) (?:wall|window|table|door|windscreen)\b", joke=True, veto=r"\b(?:lol|lmao|haha|jk|game|wwe|wrestling)\b"),
    Rule(_P, r"\bmore than enough (?:of (?:them|it|my \w+) )?(?:in the house|at home|in my room|in the cupboard|in the drawer|to do it|to do the job|to (?:not|never) wake up|to end it)\b", needs=r"\b(?:medication|meds|pills|tablets|prescription|dose|insulin|sleeping|painkillers|shouldn't be looking|looking things up|looked up)\b"),
    Rule(_I, r"\b(?:just |only |merely )?existing(?: now)?,? (?:and |just )?waiting for (?:the day |it all |everything |life )?(?:it|that|this|all|life|everything)? ?(?:ends|to end|is over|to be over|finishes)\b|\bwaiting for the day (?:it|i|life|this|everything) (?:ends|end|die|dies|is over|stop)\b"),
    Rule(_I, r"\b(?:ready|more than ready|so ready) for (?:it|life|all this|all of this|everything|this life|my life) to (?:be over|end|finish|stop)\b", veto=r"\b(?:week|term|semester|shift|project|season|year|day|meeting|exam|course|trip|holiday|contract|launch|sprint)\b"),
    Rule(_IN, r"\b(?:want|need|i'll put|going to put|gonna put|'ll put) (?:him|her|them|the \w+) in (?:hospital|a hospital|the hospital|a wheelchair|intensive care|icu|the ground|a box|a coffin)\b", veto=r"\b(?:visit|visiting|care|treatment|surgery|operation|appointment|checked|check-up|tests|observation|monitoring|doctors?|nurses?|scan|recover\w*|ill|sick|fever)\b"),
    Rule(_A, r"\b(?:showed|pulled|flashed|waved|held) (?:me )?(?:a |his |her |their )?(?:knife|gun|machete|cutlass|blade|pistol|bat|axe)\b(?: at me)?|\b(?:deal with|come for|hurt|get) me and my (?:family|kids|children|wife|husband|mum|mother|son|daughter)\b", veto=r"\b(?:shop|store|collection|cooking|chef|kitchen|class|demo|museum|game|film|movie)\b(?![^.!?\n]{0,40}\b(?:threat|scared|if i don't|pay|owe)\b)"),
    Rule(_I, r"\b(?:can't|cannot|can not|couldn't) be bothered (?:living|being alive|to live|staying alive|existing|to exist|to keep living|with living|with life|with being alive|waking up)\b(?! (?:in|with|at|near|here|there|like|on|off|out|abroad|alone|together|by|under|so|for)\b)"),
    Rule(_P, r"\bworking (?:myself|up the (?:courage|nerve)) (?:up )?to (?:it|doing it|jump\w*|step\w*)\b", needs=r"\b(?:train|line|tracks?|bridge|edge|roof|ledge|cliff|pills|tablets|rope|railway|platform|building|balcony|motorway)\b"),
    Rule(_I, r"\bwish i (?:did not|didn't|hadn't|had not|would not|wouldn't|won't|will not) (?:have )?(?:wake|woken|wakes|waken) up\b"),
    Rule(_SI, r"\b(?:hurt|hurting|cut|cutting|harm|harming|burn|burning) (?:yourself|myself|oneself) (?:just )?to feel (?:something|anything|real|alive|in control)\b"),
    Rule(_P, r"\b(?:bought|got|have|ordered|buying|hidden|hid|hiding) (?:the |some |enough )?(?:poison|rat poison|weedkiller|pesticide|paraquat|antifreeze)\b", veto=r"\b(?:rats?|mice|mouse|garden|weeds?|pests?|slugs?|ants?|cockroach\w*|roaches|car|engine|radiator|farm|crops?|for the)\b"),
    Rule(_I, r"\b(?:after|since|following|before) (?:a|the|an|her|his|their) (?:\w+ )?(?:suicide attempt|overdose)\b", topic=True),
    Rule(_I, r"\bi (?:was|ended up|got|'ve been|have been|had been|went)\b[^.!?\n]{0,40}\b(?:after|following|because of) (?:a|an|my) (?:\w+ )?(?:suicide attempt|overdose)\b"),
    Rule(_I, r"\b(?:i've|i have|i had|i've been having|i have been having|been having|i'm having|i am having|i keep having|i get|i still get|i still have|having)\s+(?:\w+\s+)?suicidal (?:thoughts|feelings|urges|ideation|thinking)\b", veto=r"\b(?:patients?|clients?|callers?|students?|they|someone|people|customers?|users?)\b[^.!?\n]{0,12}$"),
    Rule(_SI, r"\b(?:go|went|come|came|get|got) (?:back )?(?:home|back|to (?:my|the) (?:flat|room|apartment|bathroom|car))\b[^.!?\n]{0,30}\band (?:just )?cut\b(?! (?:it|them|the|my|some|a|back|off|down|out|up|loose|ties|corners|class|school))", needs=r"\b(?:can't stop|cannot stop|stupid|again|hide|hiding|scars?|blood|bleed|relapse\w*|shifts?|after)\b"),
    Rule(_I, r"\bhope (?:something|someone|somebody|a (?:car|bus|truck|lorry)) (?:bad )?(?:happens to|hits|kills|takes) me\b[^.!?\n]{0,60}\b(?:so (?:that )?i (?:don't|do not|won't|wouldn't|can) (?:have to|need to|stop)|don't have to|wouldn't have to|could stop|over)\b|\bhope (?:i|it) (?:crash|crashes|don't make it|doesn't make it|won't make it)\b"),
    Rule(_I, r"\b(?:envy|envying|envied|jealous of) (?:people|those|everyone|anyone|the ones|folks) (?:who|that) (?:have|'ve|had|already)? ?(?:died|passed|are dead|gone)\b|\bat least (?:they|the dead) (?:get to|can|finally) (?:rest|sleep|stop)\b"),
    Rule(_P, r"\b(?:no shortage of|plenty of|lots of|loads of|so many) ways to (?:do it|end it|go)\b|\b(?:deciding|decided|choosing|chose|picking|picked|working out) (?:which|what|how) (?:way|method|one)\b(?=[^.!?\n]{0,60}\b(?:do it|end|die|gone|nobody|no one)\b)", needs=r"\b(?:do it|end it|die|dead|nobody would|no one would|left short|gone|harvest|ways to)\b", veto=r"\b(?:cook|recipe|solve|fix|debug|deploy|learn|study|code|write|implement|refactor|test|market|sell|save|invest)\b"),
    Rule(_I, r"\b(?:not sure|unsure|don't know|do not know|no idea|wonder) why i'?m still (?:alive|around|breathing|on (?:this )?earth|in this world)\b|\bwhy i'?m still here\b.{0,30}\b(?:on earth|alive|in this world|not at (?:this|the|my) (?:company|job|work|school))\b"),
    Rule(_I, r"\b(?:don't|do not) (?:think|expect|see) (?:i'll|i will|myself) (?:make it|making it|live|living|being (?:alive|around|here)) (?:to|till|until|past) (?:\d{2}|my (?:\w+ )?birthday|next (?:year|summer|christmas|month)|the end of the (?:year|month))\b", needs=r"\b(?:want|wanna|alive|live|point|tired|done|ready|honestly|really)\b", veto=r"\b(?:deadline|project|sprint|release|launch|job|contract|company|startup|team|course|semester|probation|season|league|playoffs|tournament|marathon)\b"),
    Rule(_IN, r"\b(?:bringing|bring|taking|take|brought) something (?:in|to (?:the |my |work|school|site|class|office|shift)\w*)\b[^.!?\n]{0,50}\b(?:not walking out|won't walk out|isn't walking out|regret it|never (?:laugh|bother|touch|talk)|be sorry|find out|done being nice|he's done|she's done|they're done)\b"),
    Rule(_A, r"\b(?:comes|came|let himself|lets himself|let herself|lets herself|walks|walked|gets|got) in (?:to my (?:room|flat|place|apartment) )?(?:while|when) i'?m (?:asleep|sleeping|in the shower|in bed|getting changed)\b|\bstanding over (?:my bed|me (?:in|while) (?:bed|i (?:was )?sle\w+))\b"),
)

# Spans that look like a rule's words but never mean it; blanked before the rules run.
SHIELDS: tuple[str, ...] = (
    # Processes, threads and containers are killed by design.
    r"\b(?:child )?(?:process(?:es)?|subprocess(?:es)?|threads?|workers?|pods?|containers?|jobs?|tasks?|daemons?|zombies?)\b[^.!?\n]{0,40}\b(?:get|gets|got|are|is|be|being) (?:killed|terminated|reaped)\b",
    r"\b(?:(?:gave|give|given|giving) (?:me|him|her|us|them|you) )?(?:enough |plenty of |a lot of )?rope to hang (?:myself|himself|herself|themselves|yourself|ourselves) with\b|\bgave (?:me|him|her|us|them) (?:enough|plenty of|a lot of) rope\b",
    r"\bdead to the world\b",
    r"\bhurt(?:ing|s)? my (?:back|knees?|neck|shoulders?|ankles?|foot|feet|hips?|elbows?|toes?|eyes|voice|ears|chances|grades?|score|budget)\b",
    r"\b(?:kill|killed|killing|kills) (?:myself|me) (?:laughing|with laughter)\b|\b(?:nearly|almost) died laughing\b",
    r"\b(?:embarrass\w*|mortified|humiliated|awkward|cringe\w*|ashamed)\b[^.!?\n]{0,40}\b(?:wanted|want|wish(?:ed)?|could have|could've) (?:to )?(?:just )?(?:disappear|vanish|crawl into a hole|melt into the floor|sink into the floor)\b(?! (?:forever|for good|permanently|from (?:this|the) world)\b)",
    r"\bbleed(?:ing|s)? (?:the |my |a )?(?:brakes?|brake lines?|radiators?|lines?|system|air|valves?|hydraulics|cooling system|coolant|clutch|calipers?|fuel lines?|injectors?|pump|budget|money|cash)\b",
    r"\bkill(?:ing|ed|s)? -?(?:9|15|sigterm|sigkill|term|hup|all|the (?:process|job|task|pod|container|server|session|query|tab|app|connection|thread|worker|build|feature|project|meeting|idea|bug|test|proposal|ticket|program|engine|vm|instance|lights|music|mood|vibe|noise|momentum|engine|deal))\b",
    r"\b(?:killer (?:feature|app|idea|deal|workout|commute|question|interview|combo|demo|portfolio|resume|cv|pitch)|kill switch|killswitch|overkill|roadkill|oom[- ]?killer|kill chain|kill count|kill streak|killstreak|killcam|kill feed|kill ratio|k/d|kill two birds|kill time|killing time|killing it|killed it|kills it|kill it (?:in|at|on|with)|killed (?:the|my|our|that|this) (?:presentation|interview|demo|talk|exam|test|pitch|game|set|review|show|speech|performance|round|audition))\b",
    r"\b(?:dead ?(?:code|lock|locks|locked|line|lines|letter|letters|letter queue|man'?s switch|end|ends|weight|beat|zone|lift|pixel|pixels|link|links|tired|serious|wrong|right|center|set on|on arrival|simple|easy|last|heat|air|battery|phone|laptop|server))\b|\bdead[- ](?:letter|lock|code|man)\b",
    r"\b(?:career|social|political|professional|financial|commercial|brand|electoral|reputational|academic) suicide\b|\bsuicide (?:squeeze|squad|mission|run|doors?|burn|linux|king|silence|sprint|sprints|shift|shifts|drill|drills|pass|passes|seat|lane|knot|bid|bidding)\b",
    r"\b(?:i'd|i would|would|could|i could) (?:literally |honestly |totally |absolutely |happily )?(?:kill|die|murder) for (?:a|an|some|that|this|the|one|more|your)\b",
    r"\b(?:dying|die) (?:to (?:know|see|try|hear|read|meet|go|get|learn|tell|ask|start|find out|watch|play|use|join|visit)|of (?:embarrassment|boredom|laughter|shame|cringe|curiosity|thirst|hunger|heat|envy|jealousy|suspense))\b",
    r"\b(?:(?:i'd|i would|would|i'd much|i would much) (?:\w+ )?rather (?:die|be dead|kill myself) than(?! (?:keep|go on|going on|carry on|carrying on|live|living|be alive|continue|feel|face|wake up|spend another|another|one more|exist|be here|be me|this|stay|grow old)\b)|(?:a|an|the|is|are|was|were|looks?|tastes?|sounds?|smells?) (?:\w+ )?to die for|die hard|die-hard|diehard|never say die|do or die|die on (?:this|that|the) hill|hill to die on|hill i'll die on|hill i would die on|the die is cast|dice|die (?:roll|cast|size|area|shrink)|die in (?:the |a )?(?:game|match|round|level|raid|dungeon))\b",
    r"\b(?:(?:is|are|was|were|'s|keeps|kept|has been|have been)\s+(?:\w+\s+)?(?:literally\s+|slowly\s+|absolutely\s+|actually\s+|honestly\s+|really\s+|just\s+|lowkey\s+|so\s+)?killing (?:me|us|my|our|the)|kills me|killed me)\b",
    r"\b(?:going to|gonna|will|would|'ll|'d|is gonna|is going to|'s going to|'s gonna|are going to|are gonna) (?:literally |actually |absolutely |totally |so |just )?kill (?:me|us)\b",
    r"\b(?:(?:nearly|almost|basically|literally|practically|about to|could have|could've|gonna|going to|would have|would've|thought i'd|thought i would|i'll|i'd|might) (?:literally |actually |have |just |totally )?died? (?:laughing|of|from|when|because|in(?! (?:my|his|her|their) sleep)|at|right there|on the spot|inside|a little)|died (?:laughing|inside|a little|of embarrassment|of laughter|on stage|when i saw|when i heard|in the game|at the boss|so many times|\d+ times))\b",
    r"\b(?:my |the |our |his |her |their |a |an |this |that )(?:laptop|phone|battery|car|server|node|pod|container|process|disk|drive|hard drive|ssd|router|modem|plant|plants|printer|keyboard|mouse|monitor|pc|computer|mac|macbook|build|pipeline|job|worker|vm|instance|database|db|cluster|project|startup|app|game|tamagotchi|motivation|vibe|conversation|thread|chat|channel|group chat|meme|joke|trend|hype|feature|idea|deal|market|engine|fan|gpu|cpu|bulb|light|lamp|speaker|headphones|airpods|watch)\s+(?:just |finally |literally |completely |totally |keeps |kept |has |have |is |was )?(?:died|dies|dying|dead|is dead|was dead|keeps dying|kept dying|crashed|got killed|was killed|killed)\b",
    r"\b(?:zombie|orphan(?:ed)?|hung|hanging|headless|dangling) (?:process|processes|thread|threads|pod|pods|child|children|node|nodes|request|requests|connection|connections|query|queries|tab|session|pointer|pointers|commit|commits)\b|\b(?:the )?(?:process|thread|server|app|ui|browser|program|script|build|test|tests|query|request|pipeline|page|ide|terminal|vm|machine|system) (?:keeps |kept |just |is |was )?(?:hanging|hangs|hung|hang|dies|died|dying|crashes|crashed)\b",
    r"\b(?:hang (?:on|in there|out|tight|up|around|with|loose|a picture|a poster|the)|hanging out|hung out|hang of it|hang of this|get the hang|getting the hang|hangover|hung over|cliffhanger|hangman)\b",
    r"\b(?:execut(?:e|ed|es|ing|ion|or|ive|ives)|terminat(?:e|ed|es|ing|ion)|abort(?:ed|s|ing)?|fatal (?:error|exception|signal)|panic(?:ked)?: |shot(?:gun)? (?:surgery|parsing|debugging)|(?:one|two|few|zero)[- ]shot|screenshot|headshot|mugshot|snapshot|long shot|shoot (?:for|me|us|an?|the|over|off) (?:the moon|an? email|a message|a dm|a note|a text|a quick|a slack|an invite|me|us|over|off)|shoot (?:me|us) (?:a|an) (?:message|email|dm|note|text|line|slack)|shoot your shot|shot in the dark|shoot the breeze|shot down|shoot down|photo ?shoot|video shoot|shooting (?:a|the) (?:video|film|photos|scene|vlog|tutorial))\b",
    r"\b(?:attack (?:surface|vector|vectors|tree|trees)|ddos attacks?|panic attacks?|heart attacks?|pen ?test(?:ing|s)?|penetration test(?:ing|s)?|blast radius|strangler (?:fig|pattern)|bruteforce|brute[- ]force|smash(?:ed|ing)? (?:it|that|the (?:interview|exam|presentation|test|goal|target))|crush(?:ed|ing)? (?:it|the (?:interview|exam|presentation|test|goal|target))|nailed it|sacrific(?:e|ed|ing) (?:the|a|my) (?:pawn|queen|knight|bishop|rook|piece|exchange))\b",
    r"\b(?:cut (?:myself )?(?:a break|some slack|short|off from|out of|back|down on|corners|my losses|ties|the cord|the crap|to the chase)|cut (?:scope|costs?|the feature|features|the budget|headcount|hours|the release|a release|a branch|a tag|a ticket|corners))\b",
    r"\b(?:hit me up|hit me with|it hit me|that hit me|reality hit me|the news hit me|hits? (?:home|hard|different|the spot|the ground running|the gym|the books|the road|the sack|the hay|a wall|the wall|a snag|a bug|an error|a limit|the limit|the rate limit|the target|the deadline|the ceiling|the jackpot|pause|refresh|send|enter|save|deploy|merge|approve)|hit (?:it off|the ground|rock bottom with|my (?:goals|target|numbers|quota|okrs|kpis)))\b",
    r"\b(?:beat (?:the (?:deadline|clock|odds|record|boss|game|level|market|competition|benchmark|traffic|rush|heat|system|baseline|estimate|sota|state of the art)|it|me to it|them to it|my (?:record|time|score|pb)|around the bush|myself up about|myself up over|myself up for)|beating myself up|beat myself up|beats myself up|beat yourself up|beating yourself up)\b",
    # "Beats me" (no idea) opens a clause; a person who "beats me" is something else.
    r"(?:^|[.!?,;]\s*|\b(?:it|that|this|honestly|well|dunno|idk|lol)\s+)beats me\b(?!\s+(?:up|every|again|when|if|with|until|black|and|whenever))",
    r"\b(?:not|never|no longer|wasn't|isn't|am not|i'm not|im not|i am not)\s+(?:\w+\s+)?suicidal\b|\bno (?:suicidal (?:thoughts|ideation|plans|intent)|thoughts? of (?:suicide|self[- ]harm|killing myself|hurting myself|ending it|dying)|plans? to (?:kill|hurt|harm|end) (?:myself|my life|anyone|anybody|someone))\b",
    r"\b(?:don't|do not|doesn't|didn't|never|wouldn't|won't|would never|will never|am not going to|i'm not going to|not going to|not gonna|no intention (?:of|to)|not planning (?:to|on)|not thinking (?:about|of)|i'm not (?:thinking|planning) (?:about|of|to|on)|it's not like i)(?!\s+(?:\w+\s+)?act(?:ing)? on\b)\s+(?:\w+\s+){0,2}?(?:want(?:ing)? to |wanna |plan(?:ning)? to |going to |intend to |try to |)?(?:die|kill myself|killing myself|hurt myself|hurting myself|harm myself|end it|end my life|ending my life|hurt anyone|hurt anybody|hurt someone|hurt him|hurt her|hurt them|kill anyone|kill someone|do anything (?:stupid|drastic|to myself))\b",
    r"\b(?:i'm|i am|i was|i'll be|i will be|we're|we are|you're|he's|she's|they're|it's|that's|am|so|was|being|feel|feeling|looking|look|felt|all)\s+(?:\w+\s+)?dead (?:tired|inside from work|on my feet|beat|serious|wrong|right|set|last|broke|meat|weight|center|sure|certain|asleep|bored)\b",
    r"\b(?:you'?re|you are|you|i'?m|i am|we'?re|we are|they'?re|he'?s|she'?s) (?:so |totally |completely |basically |literally )?dead(?:\s+(?:to me|meat))?\b(?= (?:if|when|once|after|lol|haha|lmao))",
    r"\b(?:morbid curiosity|murder (?:mystery|mysteries|podcast|board|wall|hornets)|murder(?:ed|s|ing)? (?:it|the (?:interview|exam|presentation|test|set|karaoke|song|solo))|crime (?:show|drama|podcast|novel)|true crime|slay(?:ed|ing|s)? (?:it|the (?:interview|exam|presentation|test|look|day|pitch))|slay)\b",
    r"\b(?:bleed(?:ing)? (?:money|cash|users|customers|talent|edge)|bleeding[- ]edge|bleed through|bleeding (?:users|customers|money|cash|talent))\b",
    r"\b(?:sleep|sleeping|slept|go to sleep|fall asleep|fell asleep|falling asleep) (?:through|past|in)\b|\b(?:overslept|oversleep)\b",
    r"\b(?:end (?:it|things) with (?:him|her|them|my \w+)|end(?:ing|ed)? (?:the|my|our|this) (?:relationship|contract|lease|subscription|partnership|engagement|call|meeting|project|sprint|trial|internship|streak|day|week|semester|shift|chapter|job search))\b",
    r"\b(?:disappear(?:ed|ing)? (?:for (?:a|the|two|three|\d)|from (?:social media|twitter|instagram|linkedin|slack|the internet|the chat|the group|the team chat|the office)|off the grid|into (?:the|a) (?:mountains|woods|forest|cabin|library|book|project|code|work))|ghost(?:ed|ing)?|vanish(?:ing)? (?:act|from (?:social|slack|the chat)))\b",
    r"\b(?:put|putting|with) (?:a |the )?gun to my head\b",
    r"\b(?:my (?:mom|mum|mother|dad|father|boss|manager|wife|husband|partner|gf|bf|girlfriend|boyfriend|lead|teacher|professor|coach|parents|family|team|pm|cto|ceo|landlord|roommate)|they|he|she|you) (?:will|would|is going to|are going to|'s going to|'re going to|'ll|is gonna|are gonna|'s gonna|'re gonna|gonna|going to) (?:literally |actually |absolutely |totally |so |just |probably |definitely )?(?:kill|murder|strangle|destroy|end) me\b",
)
# fmt: on

LAUGH = _LAUGH
# Words without one of which the learned model may not flag a message on its own: every way of
# saying these things in the development data has one, and a short ordinary message ("I just want
# a rest") never does. A gate, not a detector: it is wide on purpose.
RISK = (
    r"\b(?:di(?:e|es|ed|ing)|dead|death|suicid\w*|kill\w*|alive|live|lives|living|life|exist\w*|end|ending|ended|over"
    r"|gone|disappear\w*|vanish\w*|wak(?:e|ing)|woke|sleep\w*|hurt\w*|harm\w*|cut\w*|burn\w*|bleed\w*|blood|pills?|meds"
    r"|tablets|medication|overdos\w*|od|rope|bridge|jump\w*|roof\w*|edge|ledge|gun|knife|knives|weapon|bat|hammer|hit\w*"
    r"|beat\w*|punch\w*|chok\w*|strangl\w*|shov\w*|push\w*|threat\w*|stalk\w*|follow\w*|abus\w*|rape\w*|assault\w*"
    r"|touch\w*|grab\w*|scared|afraid|terrified|safe|danger\w*|goodbye|bye|farewell|last|note|notes|letters?|plan\w*"
    r"|ready|tonight|burden|without me|better off|worth|point|reason|pray\w*|scars?|marks|wrists?|razor|blades?|hospital"
    r"|unalive|kms|sh|ctb|fault|miss me|funeral|grave|heaven|god|gave away|giving away|given|rest|hole|tracks|train|traffic"
    r"|car|bus|truck|plane|flight|revenge|pay|regret|suffer|shake|bruis\w*|locked|lock|keys|passport|address|photos?"
    r"|drunk|yell\w*|scream\w*|control\w*|money|forced|slap\w*|kick\w*|throw\w*|threw|pin\w*|corner\w*|smash\w*"
    r"|break\w*|broke|crash\w*|swerv\w*|drown\w*|hang\w*|noose|fade|anymore|forever|permanently|for good|born"
    r"|around|attempt\w*|school|kids|visit|door|house|home|night|alone|less me|one less|weekend|after this)\b"
)
# Someone else's crisis, told by a person supporting them: "my friend told me she'd been thinking
# about suicide". OTHERS finds the other person; REPORTED (veto syntax: $ is the hit's start)
# finds them as the subject of the hit, with no "I" in between.
OTHERS = (
    r"\b(?:my|a|our|her|his|their) (?:friend|best friend|close friend|sister|brother|son|daughter|mum|mom"
    r"|dad|partner|husband|wife|boyfriend|girlfriend|colleague|coworker|co-worker|student|teammate|roommate"
    r"|flatmate|cousin|niece|nephew|mentee|report|direct report|patient|client|classmate|kid|child|teenager|teen|young person|pupil|employee|worker|member|service user)\b"
    r"[^.!?\n]{0,60}\b(?:told me|tells me|tell me|said|says|confided|confides|admitted|admits|texted|messaged|showed me|opened up|disclosed|discloses)\b"
    r"|\b(?:ask|asking|asked) (?:someone|somebody|a person|people|them|him|her|a friend|my friend|a teen|a teenager|a student|a colleague|a patient)(?: directly)? (?:whether|if)\b"
    r"|\b(?:someone|somebody|anyone|a person) (?:on|in|from) (?:my|our|the) (?:team|class|group|department|squad|unit|ward|club)\b"
    r"[^.!?\n]{0,40}\b(?:told me|tells me|tell me|says|said|confides|confided|admits|admitted|discloses|disclosed)\b"
)
REPORTED = (
    r"\b(?:she|he|they|she's|he's|they're|she'd|he'd|they'd|she had|he had|they had|her|him|them"
    r"|friend|sister|brother|son|daughter|colleague|student|teammate|roommate|employee|teen|teenager|pupil|client|patient|worker|report)\b(?:(?!\bi\b|\bi'm\b|\bi've\b|\bme\b|\bmy\b)[^.!?\n]){0,30}$"
)
# Something minor enough that a death phrase about it, with a laugh, is hyperbole.
TRIVIAL = (
    r"\b(?:embarrass\w*|cringe\w*|awkward\w*|mortif\w*|humiliat\w*|hungry|starving|sleepy|so cute|too cute"
    r"|karaoke|typo|autocorrect|wrong (?:slide|chat|person|channel|email)|repl(?:y|ied)[- ]all|whole department|whole company"
    r"|muted|unmuted|camera on|called (?:my|the|our) (?:teacher|professor|prof|boss|manager|lecturer) (?:mom|mum|dad|mommy|mummy|daddy)|in front of (?:\d+|everyone|everybody|the whole \w+|the entire \w+|the class)|leftovers|snacks?|pizza|ramen|fries|noodles|cookies|pun|puns|the song|that song|roommate ate)\b"
)
# Words that say it is not a joke, whatever else the message does.
DISCLAIMER = r"(?<!not )(?<!think )\b(?:jk|j/k|just kidding|kidding aside|joking aside|(?<!don't think )(?<!not sure )(?:i'm|im) (?:just )?(?:kidding|joking)|only joking|half joking)\b(?! anymore| any more)"
EARNEST = r"\b(?:for real this time|for real|not as a figure of speech|not a figure of speech|not exaggerating|i mean (?:that|it) literally|not (?:a )?jok(?:e|ing)|no joke|i mean it|i'm serious|i am serious|seriously though|for real though|not kidding|i'm not kidding|actually serious|(?:i )?(?:actually|really|genuinely|truly) mean (?:it|that)|(?:don't|do not) think (?:i'm|i am) (?:joking|kidding)|(?:not|no longer|stopped) (?:joking|kidding) anymore|(?:joking|kidding) anymore)\b"
# Context in which a bare mention is a subject being discussed rather than the writer's own.
TOPIC = (
    r"\b(?:research\w*|study|studies|paper|papers|thesis|dissertation|survey|dataset|data set|statistics|stats|article|articles|news|journalis\w*"
    r"|documentary|novel|book|film|movie|show|series|episode|character|characters|plot|game design|policy|policies|guideline|guidelines|training|workshop"
    r"|awareness|prevention|campaign|signs of|placement|exhibit\w*|museum|soldiers|historical|history|labels|trainee|police|officers?|risk assessment|protocols?|rotation|pharmacology|toxicology|naloxone|content warning|trigger warning|blog post|pastoral|bereaved|families after|youth (?:pastor|worker|leader|group|minister)|(?:teens|kids|young people|students|pupils|teenagers) about|respond if|be prepared|discloses|disclosure|volunteer\w*|hotline|helpline|crisis line|moderat\w*|content review|trust and safety|trust & safety|classifier"
    r"|lecture|course|module|literature|essay|curriculum|handbook|protocol|screening protocol|clinical|social work\w*|case ?load|safeguarding|grant|proposal|app for|chatbot|detection|detector|labelling|labeling|annotat\w*|podcast|journal|conference talk|workshop on|talk on|talk about|teaching|teaching session|new grads|paralegal|lawyer|attorney|court|evidence|case files?|prosecut\w*|irb|ethics board|interviews? with|participants|paralegal|lawyer|attorney|court|evidence|case files?|prosecut\w*|irb|ethics board|interviews? with|participants|presentations|on scene|paramedics?|er nurse|clinicians?|first aid|courses?|conversations about|staff|debrief|patients?|call involving|caseload|lessons?|warning signs|teach(?:ing)? (?:\w+ )?about|class on|session on|assembly|resources for|counsell?or|guidance|how (?:do i|to|can i|should i) (?:support|help) (?:a|my|him|her|them)|(?:a|the|our|their|his|her) (?:student|pupil|colleague|coworker|co-worker|classmate|patient|client|employee|team member|resident|parishioner|family member|relative|parent|loved one)'s (?:suicide|death|overdose|self-harm)|support (?:an?|the|our) (?:employee|colleague|student|teen|teenager|worker|staff member|team member)|talk to (?:my|the|our) (?:class|students|pupils|team|staff|kids)|(?:my|a|our) (?:friend|friends|colleague|coworker|co-worker|student|teammate|roommate|flatmate|cousin|report|direct report|mentee)(?:'s)? (?:is|was|has|had|who|said|told|just|keeps|might))\b"
    # Work about the subject: products, procedures, teaching, publishing, translation, media.
    r"|\bhow (?:would|do|can|should|could|might) (?:i|we|you|managers?|leads?) (?:notice|tell|know|spot|recogni[sz]e|support|help|respond)\b[^.!?\n]{0,12}\b(?:if|when|that|whether)? ?(?:someone|somebody|a (?:colleague|coworker|co-worker|friend|student|team member|employee|report))\b"
    r"|\b(?:startup|product manager|escalation\w*|escalate|flags?|false positives|procedure|clauses?|investigation|outline|anthology|essays?|publisher|publishing|qa (?:rule|team|checklist)|agents|wording|prevention week|posters?|incident report\w*|slides?|slide deck|deck|flowchart|programme|program|mcq|multiple choice|distractors|exam (?:question|paper)s?|quiz|\bta\b|simulation|teaching case|case study|vignette|transcript|supervision|anonymi[sz]\w*|de-identif\w*|checklist|validated tool|lit review|literature review|contagion|portray\w*|depiction|critique|call-centre script|call-center script|script|callers?|style guides?|newsroom|wiki|leaflet|translat\w*|flyer|brochure|support orgs|organi[sz]ations|student union|committee|distinction|support group|facilitators?|banner|copy options|consent form|magazine|editorial|headlines?|reporting guidelines|cause-of-death|icd|assignment|legal tech|restraining orders|resource card|faq|nonprofit|non-profit|charity|postvention|survivors|bereavement|psychiatry|boards review|nursing|residency|resident|hospital|clinic|ward|syllabus|seminar|terminology|sources|citations?|references|hr (?:policy|team|manual)|handbook|onboarding|compliance|victim support|advocacy|advocates?|shelter|grant|funding|quest|game writing|screenplay|short story|fiction|poem|lyrics|subtitles?)\b"
)
