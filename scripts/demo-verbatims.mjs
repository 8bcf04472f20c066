// Customer comments for the demo workspace, in French and English, by mood and
// by request type. Written the way customers of a French online shop write
// after a support ticket: short, concrete, sometimes blunt.

/** @typedef {"negative" | "neutral" | "positive"} Mood */

/** Comments any request type may get. */
export const GENERIC = {
  fr: {
    negative: [
      "Trois relances avant d'avoir une réponse, c'est beaucoup trop.",
      "Réponse toute faite qui ne répondait pas à ma question.",
      "On m'a renvoyé d'un service à l'autre, personne ne savait.",
      "Délai de réponse très long, je ne commanderai plus.",
      "Je n'ai toujours pas de solution, juste des excuses.",
    ],
    neutral: [
      "Réponse correcte mais il a fallu attendre deux jours.",
      "Le problème est réglé, même si ça a pris du temps.",
      "Conseiller aimable, mais j'ai dû réexpliquer mon cas deux fois.",
      "Ça va, sans plus.",
      "Efficace, mais la réponse était un peu sèche.",
    ],
    positive: [
      "Réponse rapide et claire, merci beaucoup !",
      "Très bon accueil, problème résolu en une fois.",
      "Conseillère à l'écoute et vraiment efficace. Bravo.",
      "Service client au top, je recommande la boutique.",
      "Parfait, merci pour votre réactivité.",
      "Enfin un SAV qui répond vite et bien !",
    ],
  },
  en: {
    negative: [
      "Had to chase you three times before anyone replied.",
      "Canned answer that ignored what I actually asked.",
      "I was passed from one team to another and nobody owned it.",
      "Far too slow. I won't be ordering again.",
      "Still no fix, just apologies.",
    ],
    neutral: [
      "Sorted in the end, but it took a couple of days.",
      "Friendly agent, though I had to explain everything twice.",
      "Fine, nothing special.",
      "Got there eventually.",
      "The answer was right but a bit curt.",
    ],
    positive: [
      "Quick, clear answer. Thank you!",
      "Solved on the first reply, great service.",
      "The agent really listened and fixed it straight away.",
      "Brilliant support, I'll definitely shop here again.",
      "Super helpful, thanks for the fast response.",
    ],
  },
};

/** Comments tied to what the ticket was about; they make the verbatims tell the story. */
export const BY_REQUEST_TYPE = {
  logistics: {
    fr: {
      negative: [
        "Colis arrivé avec une semaine de retard et personne pour m'expliquer pourquoi.",
        "Le suivi indique livré mais je n'ai rien reçu. Le transporteur ne répond pas.",
        "Carton abîmé, un verre cassé. On me demande des photos, encore des photos…",
        "Livraison reportée trois fois, j'ai dû poser des jours de congé pour rien.",
        "Point relais fermé, colis renvoyé chez vous, et c'est à moi de tout refaire.",
      ],
      neutral: [
        "Colis finalement retrouvé, mais le transporteur est vraiment lent.",
        "Le conseiller a relancé le transporteur, livraison avec 4 jours de retard.",
      ],
      positive: [
        "Colis perdu renvoyé en express le jour même, impeccable.",
        "Merci d'avoir géré directement avec le transporteur, je n'ai rien eu à faire.",
      ],
    },
    en: {
      negative: [
        "Parcel turned up a week late and nobody could tell me why.",
        "Tracking says delivered, nothing here. The courier won't answer.",
        "Box crushed, one glass broken, and now I'm asked for more photos.",
        "Delivery rescheduled three times. I took a day off for nothing.",
      ],
      neutral: [
        "Parcel found in the end, but the courier is painfully slow.",
        "Agent chased the courier for me; it arrived four days late.",
      ],
      positive: [
        "Lost parcel re-sent by express the same day. Spot on.",
        "Thanks for dealing with the courier yourselves, I didn't have to do a thing.",
      ],
    },
  },
  dissatisfaction: {
    fr: {
      negative: [
        "Je voulais un geste commercial, on m'a proposé un bon de 5 €. Vexant.",
        "Mon mécontentement n'a pas été pris au sérieux.",
      ],
      neutral: ["Geste commercial correct, mais il a fallu insister."],
      positive: ["Vous avez reconnu l'erreur et proposé un avoir, merci pour l'honnêteté."],
    },
    en: {
      negative: ["Offered a £5 voucher after all that hassle. Insulting."],
      neutral: ["The goodwill gesture was fine, but I had to push for it."],
      positive: ["You owned the mistake and refunded the difference. Appreciated."],
    },
  },
  product_complaint: {
    fr: {
      negative: ["Lampe défectueuse au bout de deux semaines, et on me demande de payer le retour."],
      neutral: ["Remplacement accepté, mais il faut renvoyer l'ancien à mes frais."],
      positive: ["Produit défectueux remplacé sans discussion, très pro."],
    },
    en: {
      negative: ["The lamp died after two weeks and I'm expected to pay for the return."],
      neutral: ["Replacement agreed, though I have to post the old one back myself."],
      positive: ["Faulty item replaced, no questions asked. Very professional."],
    },
  },
  billing: {
    fr: {
      negative: ["Prélevé deux fois, et le remboursement traîne depuis dix jours."],
      neutral: ["Facture corrigée, il a juste fallu attendre le service compta."],
      positive: ["Double prélèvement remboursé en 24 h, merci !"],
    },
    en: {
      negative: ["Charged twice and the refund has been 'processing' for ten days."],
      neutral: ["Invoice corrected once accounts got back to you."],
      positive: ["Double charge refunded within a day, thank you!"],
    },
  },
  product_question: {
    fr: {
      negative: ["Réponse vague sur les dimensions, j'ai dû chercher moi-même."],
      neutral: ["Réponse juste, mais j'aurais aimé une photo."],
      positive: [
        "Conseils précis sur la taille de l'abat-jour, exactement ce qu'il me fallait.",
        "Réponse en cinq minutes sur le chat avec une photo à l'appui, top.",
      ],
    },
    en: {
      negative: ["Vague answer about the dimensions; I had to look it up myself."],
      neutral: ["Correct answer, a photo would have helped."],
      positive: ["Spot-on advice on the shade size, exactly what I needed."],
    },
  },
  returns: {
    fr: {
      negative: ["Étiquette retour jamais reçue, trois mails pour l'obtenir."],
      neutral: ["Retour accepté, remboursement un peu long."],
      positive: ["Retour ultra simple, étiquette reçue en deux minutes."],
    },
    en: {
      negative: ["Never got the return label; took three emails."],
      neutral: ["Return accepted, refund a bit slow."],
      positive: ["Returns couldn't be easier, label arrived in two minutes."],
    },
  },
};
