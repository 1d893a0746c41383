/**
 * The words that say what kind of question it is, matched against the words of the question that
 * name nothing ("what did § say in Q2" → reported). Plain English, the same for every partnership.
 */
export const CUES = {
  help: /^(?:help|hi|hello|hey|hiya|morning|good morning|afternoon|thanks|thank you|commands?|menu|examples?|start|what can you do|what do you do|what can i ask)$|\bhelp\b|\bwhat can (?:you|i)\b|\bhow do i use\b/,
  meeting:
    /\b(?:next|upcoming|future|coming|following)\b.*\b(?:meetings?|meet|boards?|sbp|sbpb|sessions?)\b|\bwhen\b.*\b(?:meet|meetings?|board)\b|\bmeeting (?:date|day|time)\b|\bdate of (?:the )?(?:next )?(?:board )?meeting\b/,
  actions:
    /\b(?:actions?|action points?|actioned|matters arising|outstanding|overdue|to ?dos?|tasks?|open items?|follow ups?|what do i need to do|what have i got to do)\b/,
  overdue: /\b(?:overdue|late|past due|past their due|behind|slipped|slipping)\b/,
  mine: /\b(?:my|mine|me|i)\b/,
  about: /\b(?:tell me about|about|info on|details for|details of)\b/,
  who: /\bwho\b|\bmembers?\b|\bmembership\b|\bcontacts?\b|\bresponsible\b|\bin charge\b/,
  members:
    /\bmembers?\b|\bmembership\b|\bwho (?:is|are|sits|sit) on\b|\bwho s who\b|\bwhos who\b|\battendees\b|\bwhole board\b/,
  reported:
    /\b(?:say|said|says|saying|report|reported|reports|reporting|update|updates|updated|wrote|write|written|narratives?|comments?|commented|mention|mentioned|tell us|told|provide|provided|submitted|submit|news|feedback|returned|return)\b/,
  from: /\bfrom\b/,
  rag: /\b(?:rag|rags|status|statuses|rating|ratings|rated|progress|on track|track|red|reds|amber|ambers|green|greens|achieved|doing|going|performing|overview|summary|position|score|scores|how are|how is|hows|how s)\b/,
  metric:
    /\b(?:figures?|numbers?|how many|how much|count|counts|latest|stats?|statistics|rates?|levels?|data|trends?|offences|crimes?|change|increase|decrease|rising|falling|up or down|compared?|comparison|versus|vs|last year|year on year|charts?|graphs?)\b/,
  trend:
    /\b(?:trends?|trending|over time|charts?|graphs?|plot|history|historic|historical|month by month|monthly|time series)\b/,
  compare:
    /\b(?:compared?|comparison|comparing|versus|vs|last year|previous year|year on year|a year ago|yoy)\b/,
  crimeTable: /\bcrime (?:performance )?tables?\b|\bperformance tables?\b|\bcrime performance\b/,
  strongMetric:
    /\b(?:figures?|numbers?|how many|stats?|statistics|crime data|performance data|crimes?|offences)\b/,
  priorityWord: /\bpriorit(?:y|ies)\b/,
} as const;
